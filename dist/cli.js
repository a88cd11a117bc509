#!/usr/bin/env node
import { createRequire as __psrCreateRequire } from 'node:module';
const require = __psrCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias6 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap8 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar9 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq8 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection5(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar9(node) || isCollection5(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias6;
    exports.isCollection = isCollection5;
    exports.isDocument = isDocument;
    exports.isMap = isMap8;
    exports.isNode = isNode;
    exports.isPair = isPair4;
    exports.isScalar = isScalar9;
    exports.isSeq = isSeq8;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit5(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit5.BREAK = BREAK;
    visit5.SKIP = SKIP;
    visit5.REMOVE = REMOVE;
    function visit_(key, node, visitor, path10) {
      const ctrl = callVisitor(key, node, visitor, path10);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path10, ctrl);
        return visit_(key, ctrl, visitor, path10);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path10 = Object.freeze(path10.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path10);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path10 = Object.freeze(path10.concat(node));
          const ck = visit_("key", node.key, visitor, path10);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path10);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path10) {
      const ctrl = await callVisitor(key, node, visitor, path10);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path10, ctrl);
        return visitAsync_(key, ctrl, visitor, path10);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path10 = Object.freeze(path10.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path10);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path10 = Object.freeze(path10.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path10);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path10);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path10) {
      if (typeof visitor === "function")
        return visitor(key, node, path10);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path10);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path10);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path10);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path10);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path10);
      return void 0;
    }
    function replaceNode(key, path10, node) {
      const parent = path10[path10.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit5;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit5 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix2] = parts;
            this.tags[handle] = prefix2;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version4] = parts;
            if (version4 === "1.1" || version4 === "1.2") {
              this.yaml.version = version4;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version4);
              onError(6, `Unsupported YAML version ${version4}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix2 = this.tags[handle];
        if (prefix2) {
          try {
            return prefix2 + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix2] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix2))
            return handle + escapeTagName(tag.substring(prefix2.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit5.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix2] of tagEntries) {
          if (handle === "!!" && prefix2 === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix2)))
            lines.push(`%TAG ${handle} ${prefix2}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit5 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit5.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix2, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix2}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix2) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix2, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj2, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj2, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit5 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit5.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count2 = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count2)
            count2 = c;
        }
        return count2;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar5 = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar5.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar5.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar5.PLAIN = "PLAIN";
    Scalar5.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar5.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar5;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar5 = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match2 = tags.filter((t) => t.tag === tagName);
        const tagObj = match2.find((t) => !t.format) ?? match2[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar5.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar5.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path10, value) {
      let v = value;
      for (let i = path10.length - 1; i >= 0; --i) {
        const k = path10[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path10) => path10 == null || typeof path10 === "object" && !!path10[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path10, value) {
        if (isEmptyPath(path10))
          this.add(value);
        else {
          const [key, ...rest] = path10;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path10) {
        const [key, ...rest] = path10;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path10, keepScalar) {
        const [key, ...rest] = path10;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path10) {
        const [key, ...rest] = path10;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path10, value) {
        const [key, ...rest] = path10;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text3, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text3;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text3.length <= endStep)
        return text3;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text3, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text3[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text3[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text3, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text3[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text3[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text3;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text3;
      if (onFold)
        onFold();
      let res = text3.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold2 = folds[i2];
        const end2 = folds[i2 + 1] || text3.length;
        if (fold2 === 0)
          res = `
${indent}${text3.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold2])
            res += `${text3[fold2]}\\`;
          res += `
${indent}${text3.slice(fold2 + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text3, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text3[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text3[++i];
        } else {
          do {
            ch = text3[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text3[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str2 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str2 += "\\x" + code.substr(2);
                    else
                      str2 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str2 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str2 += "\n";
                  i += 2;
                }
                str2 += indent;
                if (json[i + 2] === " ")
                  str2 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal2 = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar5.Scalar.BLOCK_FOLDED ? false : type === Scalar5.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal2 ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal2) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar5.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar5.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar5.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar5.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar5.Scalar.BLOCK_FOLDED:
          case Scalar5.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar5.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar5.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar5.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match2 = tags.filter((t) => t.tag === item.tag);
        if (match2.length > 0)
          return match2.find((t) => t.format === item.format) ?? match2[0];
      }
      let tagObj = void 0;
      let obj2;
      if (identity.isScalar(item)) {
        obj2 = item.value;
        let match2 = tags.filter((t) => t.identify?.(obj2));
        if (match2.length > 1) {
          const testMatch = match2.filter((t) => t.test);
          if (testMatch.length > 0)
            match2 = testMatch;
        }
        tagObj = match2.find((t) => t.format === item.format) ?? match2.find((t) => !t.format);
      } else {
        obj2 = item;
        tagObj = tags.find((t) => t.nodeClass && obj2 instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj2?.constructor?.name ?? (obj2 === null ? "null" : typeof obj2);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar5 = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar5.Scalar.BLOCK_FOLDED || key.type === Scalar5.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar5 = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar5.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey2 = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar5.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey2;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair2(k, v);
    }
    var Pair2 = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair2 = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair2, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair2;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str2 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str2.includes("\n"));
        if (i < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines.push(str2);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line of lines)
            str2 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair2 = require_Pair();
    var Scalar5 = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap3 = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj2, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj2, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair2.createPair(key, value, ctx));
        };
        if (obj2 instanceof Map) {
          for (const [key, value] of obj2)
            add(key, value);
        } else if (obj2 && typeof obj2 === "object") {
          for (const key of Object.keys(obj2))
            add(key, obj2[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair2, overwrite) {
        let _pair;
        if (identity.isPair(pair2))
          _pair = pair2;
        else if (!pair2 || typeof pair2 !== "object" || !("key" in pair2)) {
          _pair = new Pair2.Pair(pair2, pair2?.value);
        } else
          _pair = new Pair2.Pair(pair2.key, pair2.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar5.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair2.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap3;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap3 = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap3.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj2, ctx) => YAMLMap3.YAMLMap.from(schema, obj2, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar5 = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq3 = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar5.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj2, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj2 && Symbol.iterator in Object(obj2)) {
          let i = 0;
          for (let it of obj2) {
            if (typeof replacer === "function") {
              const key = obj2 instanceof Set ? it : String(i++);
              it = replacer.call(obj2, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq3;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq3 = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq3.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj2, ctx) => YAMLSeq3.YAMLSeq.from(schema, obj2, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar5.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar5.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar5.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar5.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix2) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix2 + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int2;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool2 = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool2.boolTag,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar5.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar5 = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i)
            buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar5.Scalar.BLOCK_LITERAL);
        if (type !== Scalar5.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str2.substr(o, lineWidth);
          }
          str2 = lines.join(type === Scalar5.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair2 = require_Pair();
    var Scalar5 = require_Scalar();
    var YAMLSeq3 = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair2 = item.items[0] || new Pair2.Pair(new Scalar5.Scalar(null));
            if (item.commentBefore)
              pair2.key.commentBefore = pair2.key.commentBefore ? `${item.commentBefore}
${pair2.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair2.value ?? pair2.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair2;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair2.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq3.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair2.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap3 = require_YAMLMap();
    var YAMLSeq3 = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq3.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap3.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap3.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap3.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap3.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap3.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair2 of this.items) {
          let key, value;
          if (identity.isPair(pair2)) {
            key = toJS.toJS(pair2.key, "", ctx);
            value = toJS.toJS(pair2.value, key, ctx);
          } else {
            key = toJS.toJS(pair2, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar5.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar5.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar5.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix2) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix2 + str2.substr(1) : prefix2 + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int2;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair2 = require_Pair();
    var YAMLMap3 = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap3.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair2;
        if (identity.isPair(key))
          pair2 = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair2 = new Pair2.Pair(key.key, null);
        else
          pair2 = new Pair2.Pair(key, null);
        const prev = YAMLMap3.findPair(this.items, pair2.key);
        if (!prev)
          this.items.push(pair2);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair2 = YAMLMap3.findPair(this.items, key);
        return !keepPair && identity.isPair(pair2) ? identity.isScalar(pair2.key) ? pair2.key.value : pair2.key : pair2;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap3.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair2.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set3 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set3.items.push(Pair2.createPair(value, null, ctx));
          }
        return set3;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set2 = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set2;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match2 = str2.match(timestamp.test);
        if (!match2)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match2.map(Number);
        const millisec = match2[7] ? Number((match2[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match2[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool2 = require_bool2();
    var float = require_float2();
    var int2 = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set2 = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool2.trueTag,
      bool2.falseTag,
      int2.intBin,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set2.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool2 = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set2 = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool2.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int2.int,
      intHex: int2.intHex,
      intOct: int2.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set2.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set2.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags2, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags2) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags2))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags2)) {
        for (const tag of customTags2)
          tags = tags.concat(tag);
      } else if (typeof customTags2 === "function") {
        tags = customTags2(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema3 = class _Schema {
      constructor({ compat, customTags: customTags2, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags2, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema3;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair2 = require_Pair();
    var toJS = require_toJS();
    var Schema3 = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document2 = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version: version4 } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version4 = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version: version4 });
        this.setSchema(version4, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path10, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path10, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair2.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path10) {
        if (Collection.isEmptyPath(path10)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path10) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path10, keepScalar) {
        if (Collection.isEmptyPath(path10))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path10, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path10) {
        if (Collection.isEmptyPath(path10))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path10) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path10, value) {
        if (Collection.isEmptyPath(path10)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path10), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path10, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version4, options = {}) {
        if (typeof version4 === "number")
          version4 = String(version4);
        let opt;
        switch (version4) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version4;
            else
              this.directives = new directives.Directives({ version: version4 });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version4);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema3.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document2;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count2 = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count2 = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count2);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair2) => isEqual(pair2.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair2 = require_Pair();
    var YAMLMap3 = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap3.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep3, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep3) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep3 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep3, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair2 = new Pair2.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          map.items.push(pair2);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair2 = new Pair2.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          map.items.push(pair2);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq3 = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq3.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep3 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep3 + cb;
              sep3 = "";
              break;
            }
            case "newline":
              if (comment)
                sep3 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair2 = require_Pair();
    var YAMLMap3 = require_YAMLMap();
    var YAMLSeq3 = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap8 = fc.start.source === "{";
      const fcName = isMap8 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap8 ? YAMLMap3.YAMLMap : YAMLSeq3.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep3, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep3 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap8 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap8 && !sep3 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep3, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep3 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap8 && !props.found && ctx.options.strict) {
              if (sep3)
                for (const st of sep3) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep3, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair2 = new Pair2.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          if (isMap8) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair2);
          } else {
            const map = new YAMLMap3.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair2);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap8 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar5 = require_Scalar();
    var YAMLMap3 = require_YAMLMap();
    var YAMLSeq3 = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap3.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq3.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar5.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar5.Scalar.BLOCK_FOLDED : Scalar5.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines2(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep3 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar5.Scalar.BLOCK_LITERAL) {
          value += sep3 + indent.slice(trimIndent) + content;
          sep3 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep3 === " ")
            sep3 = "\n";
          else if (!prevMoreIndented && sep3 === "\n")
            sep3 = "\n\n";
          value += sep3 + indent.slice(trimIndent) + content;
          sep3 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep3 === "\n")
            value += "\n";
          else
            sep3 = "\n";
        } else {
          value += sep3 + content;
          sep3 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines2(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar5.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar5.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar5.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd2 = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd2, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd2, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match2 = line.exec(source);
      if (!match2)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match2[1].replace(trimEnd, "");
      let sep3 = " ";
      let pos = line.lastIndex;
      while (match2 = line.exec(source)) {
        const lm = match2[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep3 === "\n")
            res += sep3;
          else
            sep3 = "\n";
        } else {
          res += sep3 + lm;
          sep3 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match2 = last.exec(source);
      return res + sep3 + (match2?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold: fold2, offset } = foldNewline(source, i);
          res += fold2;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold2 = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold2 += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold2)
        fold2 = " ";
      return { fold: fold2, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar5 = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range: range2 } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar5.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar5.Scalar(value);
      }
      scalar.range = range2;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd2 = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd2, options.strict, onError);
      alias.range = [offset, valueEnd2, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document2 = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document2.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd3 = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd3, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd3, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document2 = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer2 = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document2.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer2;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep3, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep3)
        for (const st of sep3)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit5(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit5.BREAK = BREAK;
    visit5.SKIP = SKIP;
    visit5.REMOVE = REMOVE;
    visit5.itemAtPath = (cst, path10) => {
      let item = cst;
      for (const [field, index] of path10) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit5.parentCollection = (cst, path10) => {
      const parent = visit5.itemAtPath(cst, path10.slice(0, -1));
      const field = path10[path10.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path10, item, visitor) {
      let ctrl = visitor(item, path10);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path10.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path10);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path10) : ctrl;
    }
    exports.visit = visit5;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection5 = (token) => !!token && "items" in token;
    var isScalar9 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection5;
    exports.isScalar = isScalar9;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar2 = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar2)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter3 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter3;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list4, type) {
      for (let i = 0; i < list4.length; ++i)
        if (list4[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list4) {
      for (let i = 0; i < list4.length; ++i) {
        switch (list4[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep3;
          if (scalar.end) {
            sep3 = scalar.end;
            sep3.push(this.sourceToken);
            delete scalar.end;
          } else
            sep3 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep3 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep3 = it.sep;
                  sep3.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep3 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep3 = fc.end.splice(1, fc.end.length);
            sep3.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep3 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document2 = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse3(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document2.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse3;
    exports.parseAllDocuments = parseAllDocuments2;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document2 = require_Document();
    var Schema3 = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair2 = require_Pair();
    var Scalar5 = require_Scalar();
    var YAMLMap3 = require_YAMLMap();
    var YAMLSeq3 = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit5 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document2.Document;
    exports.Schema = Schema3.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair2.Pair;
    exports.Scalar = Scalar5.Scalar;
    exports.YAMLMap = YAMLMap3.YAMLMap;
    exports.YAMLSeq = YAMLSeq3.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit5.visit;
    exports.visitAsync = visit5.visitAsync;
  }
});

// src/version.ts
var version = "0.1.0";
var actionRepository = "pod-security-review/pod-security-review";
var majorTag = "v1";

// src/cli/check.ts
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";

// src/manifests/load.ts
var import_yaml4 = __toESM(require_dist(), 1);

// src/manifests/decode.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/manifests/anchors.ts
var import_yaml = __toESM(require_dist(), 1);
var tables = /* @__PURE__ */ new WeakMap();
function tableOf(doc) {
  let table = tables.get(doc);
  if (table) return table;
  const latest = /* @__PURE__ */ new Map();
  const targets = /* @__PURE__ */ new Map();
  const used = /* @__PURE__ */ new Set();
  (0, import_yaml.visit)(doc, {
    Node(_, node) {
      if ((0, import_yaml.isAlias)(node)) {
        targets.set(node, latest.get(node.source));
        used.add(node.source);
      } else if (((0, import_yaml.isScalar)(node) || (0, import_yaml.isCollection)(node)) && node.anchor) {
        latest.set(node.anchor, node);
      }
    }
  });
  table = { targets, used };
  tables.set(doc, table);
  return table;
}
function aliasTarget(doc, alias) {
  const table = tableOf(doc);
  return table.targets.has(alias) ? table.targets.get(alias) : alias.resolve(doc);
}
function resolved(doc, node) {
  return (0, import_yaml.isAlias)(node) ? aliasTarget(doc, node) : node;
}
function usedAnchors(doc) {
  return tableOf(doc).used;
}

// src/manifests/scalars.ts
var nullWords = /* @__PURE__ */ new Set(["", "~", "null", "Null", "NULL"]);
var trueWords = /* @__PURE__ */ new Set(["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]);
var falseWords = /* @__PURE__ */ new Set(["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]);
var infinities = /* @__PURE__ */ new Set([".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"]);
var nans = /* @__PURE__ */ new Set([".nan", ".NaN", ".NAN"]);
var yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
var int64Min = -(2n ** 63n);
var uint64Max = 2n ** 64n - 1n;
function parseGoInteger(text3) {
  const match2 = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text3);
  if (!match2) return void 0;
  const [, sign, digits = ""] = match2;
  let magnitude;
  const prefix2 = digits.slice(0, 2).toLowerCase();
  if (prefix2 === "0x" || prefix2 === "0b") magnitude = BigInt(digits.toLowerCase());
  else if (prefix2 === "0o") magnitude = BigInt(`0o${digits.slice(2)}`);
  else if (digits.length > 1 && digits.startsWith("0")) magnitude = BigInt(`0o${digits.slice(1)}`);
  else magnitude = BigInt(digits);
  const value = sign === "-" ? -magnitude : magnitude;
  if (value >= int64Min && value <= uint64Max && !(sign !== "" && value > 2n ** 63n - 1n)) return value;
  return void 0;
}
function parseGoFloat(text3) {
  const value = Number(text3);
  return Number.isFinite(value) ? value : void 0;
}
function resolvePlainScalar(text3) {
  if (nullWords.has(text3)) return { ok: true, value: null, kind: "null" };
  if (trueWords.has(text3)) return { ok: true, value: true, kind: "bool" };
  if (falseWords.has(text3)) return { ok: true, value: false, kind: "bool" };
  if (infinities.has(text3) || nans.has(text3)) {
    return { ok: false, message: `the value ${text3} cannot be represented in JSON` };
  }
  const first = text3[0] ?? "";
  if (first === ".") {
    const value = yamlStyleFloat.test(text3) ? parseGoFloat(text3) : void 0;
    return value === void 0 ? { ok: true, value: text3, kind: "str" } : { ok: true, value, kind: "float" };
  }
  if (/[0-9+-]/.test(first)) {
    const plain2 = text3.replaceAll("_", "");
    const integer = parseGoInteger(plain2);
    if (integer !== void 0) return { ok: true, value: Number(integer), kind: "int" };
    if (yamlStyleFloat.test(plain2)) {
      const value = parseGoFloat(plain2);
      if (value !== void 0) return { ok: true, value, kind: "float" };
    }
  }
  return { ok: true, value: text3, kind: "str" };
}
var standardTags = /* @__PURE__ */ new Map([
  ["tag:yaml.org,2002:null", "null"],
  ["tag:yaml.org,2002:bool", "bool"],
  ["tag:yaml.org,2002:int", "int"],
  ["tag:yaml.org,2002:float", "float"],
  ["tag:yaml.org,2002:str", "str"],
  ["tag:yaml.org,2002:binary", "binary"],
  ["tag:yaml.org,2002:timestamp", "timestamp"]
]);
var base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
var bytesAsText = new TextDecoder("utf-8");
function resolveTaggedScalar(tag, text3) {
  if (tag === "str" || tag === "timestamp") return { ok: true, value: text3, kind: "str" };
  if (tag === "binary") {
    const data = text3.replace(/[\r\n]/g, "");
    if (!base64.test(data)) return { ok: false, message: "!!binary value contains invalid base64 data" };
    return { ok: true, value: bytesAsText.decode(Buffer.from(data, "base64")), kind: "str" };
  }
  const resolved2 = resolvePlainScalar(text3);
  if (!resolved2.ok || resolved2.kind === tag) return resolved2;
  if (tag === "float" && resolved2.kind === "int") return { ok: true, value: resolved2.value, kind: "float" };
  return { ok: false, message: `cannot decode !!${resolved2.kind} \`${text3}\` as a !!${tag}` };
}

// src/manifests/decode.ts
var aliasRatioLow = 4e5;
var aliasRatioHigh = 4e6;
function allowedAliasRatio(decoded) {
  if (decoded <= aliasRatioLow) return 0.99;
  if (decoded >= aliasRatioHigh) return 0.1;
  return 0.99 - 0.89 * (decoded - aliasRatioLow) / (aliasRatioHigh - aliasRatioLow);
}
var DecodeError = class {
  constructor(message, node, kind = "invalid") {
    this.message = message;
    this.node = node;
    this.kind = kind;
  }
  message;
  node;
  kind;
};
function scalarValue(node) {
  const text3 = typeof node.value === "string" ? node.value : String(node.value);
  const plain2 = node.type === import_yaml2.Scalar.PLAIN || node.type === void 0;
  const tag = node.tag;
  const standard = tag === void 0 ? void 0 : standardTags.get(tag);
  if (standard === void 0 && (!plain2 || tag !== void 0)) return text3;
  const resolved2 = standard === void 0 ? resolvePlainScalar(text3) : resolveTaggedScalar(standard, text3);
  if (!resolved2.ok) throw new DecodeError(resolved2.message, node);
  return resolved2.value;
}
function keyString(node, doc) {
  const target = resolved(doc, node);
  if (!(0, import_yaml2.isScalar)(target)) throw new DecodeError("a mapping key must be a scalar", target ?? null);
  const value = scalarValue(target);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  throw new DecodeError("a mapping key must not be null", target);
}
function isMergeKey(node) {
  return (0, import_yaml2.isScalar)(node) && (node.type === import_yaml2.Scalar.PLAIN || node.type === void 0) && node.value === "<<" && node.tag === void 0;
}
function setKey(out, key, value) {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}
var freshBudget = () => ({ decoded: 0, aliased: 0 });
function spend(budget, nodes, aliased) {
  budget.decoded += nodes;
  if (aliased) budget.aliased += nodes;
  if (budget.aliased > 100 && budget.decoded > 1e3 && budget.aliased / budget.decoded > allowedAliasRatio(budget.decoded)) {
    throw new DecodeError(`the document contains excessive aliasing (${budget.aliased} of ${budget.decoded} nodes come from aliases: an alias bomb?)`, null, "alias-bomb");
  }
}
function effectiveEntries(map, doc, budget = freshBudget(), seen = /* @__PURE__ */ new Set()) {
  if (seen.has(map)) throw new DecodeError("an alias refers to a mapping that contains it", map);
  seen.add(map);
  const entries2 = /* @__PURE__ */ new Map();
  for (const pair2 of map.items) {
    if (isMergeKey(pair2.key)) {
      for (const source of mergeSources(pair2.value, doc)) {
        spend(budget, source.items.length, true);
        for (const [key, entry] of effectiveEntries(source, doc, budget, seen)) entries2.set(key, { ...entry, merged: true });
      }
      continue;
    }
    entries2.set(keyString(pair2.key, doc), { pair: pair2, value: pair2.value, merged: false });
  }
  seen.delete(map);
  return entries2;
}
function mergeSources(value, doc) {
  const wantMap = () => new DecodeError("map merge requires map or sequence of maps as the value", value ?? null);
  const asMap = (node) => {
    const target = resolved(doc, node);
    if (!(0, import_yaml2.isMap)(target)) throw wantMap();
    return target;
  };
  if ((0, import_yaml2.isMap)(value) || (0, import_yaml2.isAlias)(value)) return [asMap(value)];
  if ((0, import_yaml2.isSeq)(value)) return value.items.map(asMap).reverse();
  throw wantMap();
}
function decodeDocument(doc) {
  const budget = freshBudget();
  const decoding = /* @__PURE__ */ new Set();
  const decode = (node, viaAlias) => {
    spend(budget, 1, viaAlias);
    if (node === null || node === void 0) return null;
    if ((0, import_yaml2.isAlias)(node)) {
      const target = aliasTarget(doc, node);
      if (target === void 0) throw new DecodeError(`unknown anchor ${node.source}`, node);
      if (decoding.has(target)) throw new DecodeError("an alias refers to a node that contains it", node);
      return decode(target, true);
    }
    if ((0, import_yaml2.isScalar)(node)) return scalarValue(node);
    decoding.add(node);
    try {
      if ((0, import_yaml2.isSeq)(node)) return node.items.map((item) => decode(item, viaAlias));
      if ((0, import_yaml2.isMap)(node)) {
        const out = {};
        for (const [key, entry] of effectiveEntries(node, doc, budget)) setKey(out, key, decode(entry.value, viaAlias || entry.merged));
        return out;
      }
    } finally {
      decoding.delete(node);
    }
    throw new DecodeError("unsupported YAML node", node);
  };
  return decode(doc.contents, false);
}

// src/manifests/flowIndent.ts
var isBlank = (c) => c === " " || c === "	";
function reindentFlowContinuations(text3) {
  const pieces = [];
  const at3 = [];
  const inserted = [];
  let total = 0;
  let copied = 0;
  let quote = null;
  let depth = 0;
  let openColumn = 0;
  let blockParentIndent = -1;
  let lineStart2 = 0;
  while (lineStart2 < text3.length) {
    let lineEnd = text3.indexOf("\n", lineStart2);
    if (lineEnd === -1) lineEnd = text3.length;
    let i = lineStart2;
    while (i < lineEnd && text3.charAt(i) === " ") i++;
    const indent = i - lineStart2;
    const blankLine = i >= lineEnd || text3.charAt(i) === "\r" || text3.charAt(i) === "	" && text3.slice(i, lineEnd).trim() === "";
    if (blockParentIndent >= 0) {
      if (blankLine || indent > blockParentIndent) {
        lineStart2 = lineEnd + 1;
        continue;
      }
      blockParentIndent = -1;
    }
    const inFlow = quote !== null || depth > 0;
    if (inFlow && !blankLine && indent <= openColumn) {
      const marker = indent === 0 && (text3.startsWith("---", i) || text3.startsWith("...", i));
      if (!marker) {
        const add = openColumn + 1 - indent;
        pieces.push(text3.slice(copied, lineStart2), " ".repeat(add));
        copied = lineStart2;
        total += add;
        at3.push(lineStart2);
        inserted.push(total);
      }
    }
    let nodeStart = quote === null && depth === 0;
    for (; i < lineEnd; i++) {
      const c = text3.charAt(i);
      if (quote !== null) {
        if (quote === '"' && c === "\\") i++;
        else if (c === quote) {
          if (quote === "'" && text3.charAt(i + 1) === "'") i++;
          else quote = null;
        }
        continue;
      }
      if (isBlank(c)) continue;
      if (c === "#" && (i === lineStart2 || isBlank(text3.charAt(i - 1)))) break;
      if ((c === '"' || c === "'") && (nodeStart || depth > 0 && /[[{,:]/.test(previousNonBlank(text3, i, lineStart2)))) {
        if (depth === 0) openColumn = i - lineStart2;
        quote = c;
        continue;
      }
      if ((c === "[" || c === "{") && (nodeStart || depth > 0)) {
        if (depth === 0) openColumn = i - lineStart2;
        depth++;
        nodeStart = false;
        continue;
      }
      if (depth > 0) {
        if (c === "]" || c === "}") depth--;
        continue;
      }
      if ((c === "|" || c === ">") && nodeStart) {
        blockParentIndent = indent;
        break;
      }
      const next = text3.charAt(i + 1);
      if ((c === "-" || c === "?" || c === ":") && (isBlank(next) || i + 1 >= lineEnd || next === "\r")) {
        nodeStart = true;
        continue;
      }
      if ((c === "&" || c === "!") && nodeStart) {
        while (i + 1 < lineEnd && !isBlank(text3.charAt(i + 1))) i++;
        continue;
      }
      nodeStart = false;
    }
    lineStart2 = lineEnd + 1;
  }
  if (at3.length === 0) return null;
  pieces.push(text3.slice(copied));
  return { text: pieces.join(""), at: at3, inserted };
}
function previousNonBlank(text3, i, lineStart2) {
  let j = i - 1;
  while (j >= lineStart2 && isBlank(text3.charAt(j))) j--;
  return j < lineStart2 ? "," : text3.charAt(j);
}
function originalOffset(reindented, offset) {
  const { at: at3, inserted } = reindented;
  let low = 0;
  let high = at3.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = low + high >> 1;
    const start = (at3[middle] ?? 0) + (middle > 0 ? inserted[middle - 1] ?? 0 : 0);
    if (start <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (found < 0) return offset;
  return Math.max(at3[found] ?? 0, offset - (inserted[found] ?? 0));
}

// src/manifests/goyamlText.ts
var goyamlBreaks = /\r(?!\n)|[\u0085\u2028\u2029]/;
var bomAfterMarker = /^(---(?:[ \t][^\r\n]*)?)(\r?\n)\uFEFF/gm;
function asGoyamlReads(text3) {
  let out = text3;
  if (goyamlBreaks.test(out)) out = out.replace(/\r(?!\n)|[\u0085\u2028\u2029]/g, "\n");
  if (out.includes("\uFEFF")) out = out.replace(bomAfterMarker, (_, marker, lineBreak2) => `${marker} ${lineBreak2}`);
  return out;
}

// src/manifests/jsonStream.ts
var goSpace = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
var jsonSpace = (c) => c === " " || c === "	" || c === "\n" || c === "\r";
function readAsJson(text3) {
  let i = 0;
  while (i < text3.length && goSpace.test(text3.charAt(i))) i++;
  return text3.charAt(i) === "{";
}
function valueEnd(text3, from) {
  let depth = 0;
  for (let i = from; i < text3.length; i++) {
    const c = text3.charAt(i);
    if (c === '"') {
      for (i++; i < text3.length && text3.charAt(i) !== '"'; i++) if (text3.charAt(i) === "\\") i++;
    } else if (c === "{" || c === "[") {
      depth++;
    } else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return i + 1;
    } else if (depth === 0) {
      let j = i;
      while (j < text3.length && !jsonSpace(text3.charAt(j)) && !"{[".includes(text3.charAt(j))) j++;
      return j;
    }
  }
  return text3.length;
}
function jsonStreamError(text3) {
  let i = 0;
  for (; ; ) {
    while (jsonSpace(text3.charAt(i))) i++;
    if (i >= text3.length) return null;
    const end = valueEnd(text3, i);
    let value;
    try {
      value = JSON.parse(text3.slice(i, end));
    } catch (caught) {
      const message = caught instanceof Error ? caught.message : String(caught);
      const at3 = /position (\d+)/.exec(message);
      return { offset: i + (at3 ? Number(at3[1]) : 0), message: message.replace(/ in JSON at position \d+.*$/, "") };
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      return { offset: i, message: `expected an object, found ${Array.isArray(value) ? "an array" : JSON.stringify(value)}` };
    }
    i = end;
  }
}

// node_modules/js-yaml/dist/js-yaml.mjs
var NOT_RESOLVED = /* @__PURE__ */ Symbol("NOT_RESOLVED");
function defineScalarTag(tagName, options) {
  return {
    tagName,
    nodeKind: "scalar",
    implicit: options.implicit ?? false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    implicitFirstChars: options.implicitFirstChars ?? null,
    resolve: options.resolve,
    identify: options.identify,
    represent: options.represent ?? ((data) => String(data)),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineSequenceTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "sequence",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addItem: options.addItem,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineMappingTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "mapping",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addPair: options.addPair,
    has: options.has,
    keys: options.keys,
    get: options.get,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
  resolve: (source) => source,
  identify: (data) => typeof data === "string"
});
var NULL_VALUES$1 = [
  "",
  "~",
  "null",
  "Null",
  "NULL"
];
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: [
    "",
    "~",
    "n",
    "N"
  ],
  resolve: (source) => {
    if (NULL_VALUES$1.indexOf(source) !== -1) return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: ["n"],
  resolve: (source, isExplicit) => {
    if (source === "null" || isExplicit && source === "") return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var NULL_VALUES = [
  "",
  "~",
  "null",
  "Null",
  "NULL"
];
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: [
    "",
    "~",
    "n",
    "N"
  ],
  resolve: (source) => {
    if (NULL_VALUES.indexOf(source) !== -1) return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var TRUE_VALUES$2 = [
  "true",
  "True",
  "TRUE"
];
var FALSE_VALUES$2 = [
  "false",
  "False",
  "FALSE"
];
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: [
    "t",
    "T",
    "f",
    "F"
  ],
  resolve: (source) => {
    if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
    if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: ["t", "f"],
  resolve: (source) => {
    if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
    if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var TRUE_VALUES = [
  "true",
  "True",
  "TRUE",
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "on",
  "On",
  "ON"
];
var FALSE_VALUES = [
  "false",
  "False",
  "FALSE",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "off",
  "Off",
  "OFF"
];
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: [
    "y",
    "Y",
    "n",
    "N",
    "t",
    "T",
    "f",
    "F",
    "o",
    "O"
  ],
  resolve: (source) => {
    if (TRUE_VALUES.indexOf(source) !== -1) return true;
    if (FALSE_VALUES.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$2(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ..."0123456789"
  ],
  resolve: resolveYamlInteger$2,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$1(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: ["-", ..."0123456789"],
  resolve: resolveYamlInteger$1,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
  let value = source.replace(/_/g, "");
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  if (value.includes(":")) {
    let result = 0;
    for (const part of value.split(":")) result = result * 60 + Number(part);
    return sign * result;
  }
  if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
  if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ..."0123456789"
  ],
  resolve: resolveYamlInteger,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
  if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase();
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  const result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ".",
    ..."0123456789"
  ],
  resolve: resolveYamlFloat$2,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat$2
});
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
    let value = source.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".includes(value[0])) value = value.slice(1);
    if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    if (value === ".nan") return NaN;
    const result2 = sign * parseFloat(value);
    return Number.isFinite(result2) ? result2 : NOT_RESOLVED;
  }
  if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = Number(source);
  if (Number.isFinite(result)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: ["-", ..."0123456789"],
  resolve: resolveYamlFloat$1,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat$1
});
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
  if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase().replace(/_/g, "");
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  let result = 0;
  if (value.includes(":")) {
    for (const part of value.split(":")) result = result * 60 + Number(part);
    result *= sign;
  } else result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ".",
    ..."0123456789"
  ],
  resolve: resolveYamlFloat,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat
});
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
  implicit: true,
  implicitFirstChars: ["<"],
  resolve: (source, isExplicit) => {
    if (source === "<<" || isExplicit && source === "") return "<<";
    return NOT_RESOLVED;
  },
  identify: () => false
});
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
  const input = source.replace(/\s/g, "");
  if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
  const binary = atob(input);
  const result = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
  return result;
}
function representYamlBinary(object) {
  let binary = "";
  for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
  return btoa(binary);
}
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
  resolve: resolveYamlBinary,
  identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
  represent: representYamlBinary
});
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
  const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
  date.setUTCFullYear(year, month, day);
  return date;
}
function resolveYamlTimestamp(source) {
  let match2 = YAML_DATE_REGEXP.exec(source);
  if (match2 === null) match2 = YAML_TIMESTAMP_REGEXP.exec(source);
  if (match2 === null) return NOT_RESOLVED;
  const year = +match2[1];
  const month = +match2[2] - 1;
  const day = +match2[3];
  if (!match2[4]) {
    const date2 = makeUtcDate(year, month, day);
    if (date2.getUTCFullYear() !== year || date2.getUTCMonth() !== month || date2.getUTCDate() !== day) return NOT_RESOLVED;
    return date2;
  }
  const hour = +match2[4];
  const minute = +match2[5];
  const second = +match2[6];
  let fraction = 0;
  if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
  if (match2[7]) {
    let value = match2[7].slice(0, 3);
    while (value.length < 3) value += "0";
    fraction = +value;
  }
  const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
  if (match2[9]) {
    const offsetHour = +match2[10];
    const offsetMinute = +(match2[11] || 0);
    if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
    const offset = (offsetHour * 60 + offsetMinute) * 6e4;
    date.setTime(date.getTime() - (match2[9] === "-" ? -offset : offset));
  }
  return date;
}
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
  implicit: true,
  implicitFirstChars: [..."0123456789"],
  resolve: resolveYamlTimestamp,
  identify: (object) => object instanceof Date,
  represent: (object) => object.toISOString()
});
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
  create: () => [],
  addItem: (container, item) => {
    container.push(item);
  },
  identify: Array.isArray
});
function isPlainObject(data) {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
  const prototype = Object.getPrototypeOf(data);
  return prototype === null || prototype === Object.prototype;
}
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
  create: () => ({
    list: [],
    seen: /* @__PURE__ */ new Set()
  }),
  addItem: (carrier, item) => {
    let key;
    if (item instanceof Map) {
      if (item.size !== 1) return "cannot resolve an ordered map item";
      key = item.keys().next().value;
    } else if (isPlainObject(item)) {
      const itemKeys = Object.keys(item);
      if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
      key = itemKeys[0];
    } else return "cannot resolve an ordered map item";
    if (carrier.seen.has(key)) return "duplicate key in ordered map";
    carrier.seen.add(key);
    carrier.list.push(item);
    return "";
  },
  finalize: (carrier) => carrier.list,
  identify: () => false
});
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
  create: () => [],
  addItem: (container, item) => {
    if (item instanceof Map) {
      if (item.size !== 1) return "cannot resolve a pairs item";
      container.push(item.entries().next().value);
      return "";
    }
    if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
    const object = item;
    const keys = Object.keys(object);
    if (keys.length !== 1) return "cannot resolve a pairs item";
    container.push([keys[0], object[keys[0]]]);
    return "";
  },
  identify: () => false
});
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of Object.keys(o)) map.set(key, o[key]);
    return map;
  },
  addPair: (container, key, value) => {
    if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
    const normalizedKey = String(key);
    if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
      value,
      enumerable: true,
      configurable: true,
      writable: true
    });
    else container[normalizedKey] = value;
    return "";
  },
  has: (container, key) => {
    if (key !== null && typeof key === "object") return false;
    return Object.prototype.hasOwnProperty.call(container, String(key));
  },
  keys: (container) => Object.keys(container),
  get: (container, key) => {
    const normalizedKey = String(key);
    if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
    return container[normalizedKey];
  }
});
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
  create: () => /* @__PURE__ */ new Set(),
  identify: (data) => data instanceof Set,
  represent: (data) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of data) map.set(key, null);
    return map;
  },
  addPair: (container, key, value) => {
    if (value !== null) return "cannot resolve a set item";
    container.add(key);
    return "";
  },
  has: (container, key) => container.has(key),
  keys: (container) => container.keys(),
  get: () => null
});
function createTagDefinitionMap() {
  return {
    scalar: /* @__PURE__ */ Object.create(null),
    sequence: /* @__PURE__ */ Object.create(null),
    mapping: /* @__PURE__ */ Object.create(null)
  };
}
function createTagDefinitionListMap() {
  return {
    scalar: [],
    sequence: [],
    mapping: []
  };
}
function compileTags(tags) {
  const result = [];
  for (const tag of tags) {
    let index = result.length;
    for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
      const previous = result[previousIndex];
      if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
        index = previousIndex;
        break;
      }
    }
    result[index] = tag;
  }
  return result;
}
var Schema = class Schema2 {
  tags;
  /** @internal */
  implicitScalarTags;
  /**
  * Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
  * the resolvers that may match that key, in schema order; a key absent from
  * the map uses
  * {@link Schema.implicitScalarAnyFirstChar}
  * (resolvers that declared no first-char constraint, so they apply to any
  * first character).
  */
  implicitScalarByFirstChar;
  implicitScalarAnyFirstChar;
  /**
  * The default scalar tag (`!!str`), resolved once so the composer's fallback
  * for unresolved plain scalars avoids a keyed lookup per scalar.
  *
  * @internal
  */
  defaultScalarTag;
  /**
  * The default container tags (`!!seq` / `!!map`), used by the dumper: when a
  * value is identified by its default tag, the tag is implicit and not
  * printed. Undefined if the schema does not define them (then such values
  * can't be dumped).
  *
  * @internal
  */
  defaultSequenceTag;
  /** @internal */
  defaultMappingTag;
  exact;
  prefix;
  constructor(tags) {
    const compiledTags = compileTags(tags);
    const implicitScalarTags = [];
    const exact = createTagDefinitionMap();
    const prefix2 = createTagDefinitionListMap();
    for (const tag of compiledTags) {
      if (tag.nodeKind === "scalar" && tag.implicit) {
        if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
        implicitScalarTags.push(tag);
      }
      switch (tag.nodeKind) {
        case "scalar":
          if (tag.matchByTagPrefix) prefix2.scalar.push(tag);
          else exact.scalar[tag.tagName] = tag;
          break;
        case "sequence":
          if (tag.matchByTagPrefix) prefix2.sequence.push(tag);
          else exact.sequence[tag.tagName] = tag;
          break;
        case "mapping":
          if (tag.matchByTagPrefix) prefix2.mapping.push(tag);
          else exact.mapping[tag.tagName] = tag;
      }
    }
    const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
    const keys = /* @__PURE__ */ new Set();
    for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
    const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
    for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
    const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
    if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
    this.tags = compiledTags;
    this.implicitScalarTags = implicitScalarTags;
    this.implicitScalarByFirstChar = implicitScalarByFirstChar;
    this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
    this.defaultScalarTag = defaultScalarTag;
    this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
    this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
    this.exact = exact;
    this.prefix = prefix2;
  }
  /** @internal */
  lookupScalarTag(tagName) {
    const exactTag = this.exact.scalar[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  lookupSequenceTag(tagName) {
    const exactTag = this.exact.sequence[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  lookupMappingTag(tagName) {
    const exactTag = this.exact.mapping[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  resolveImplicitScalarTag(source) {
    const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
    for (const tag2 of candidates) {
      const value = tag2.resolve(source, false, tag2.tagName);
      if (value !== NOT_RESOLVED) return {
        value,
        tag: tag2
      };
    }
    const tag = this.defaultScalarTag;
    return {
      value: tag.resolve(source, false, tag.tagName),
      tag
    };
  }
  /**
  * Creates a new schema with the specified tags added. If a tag already
  * exists, it is replaced by the specified tag.
  *
  * @example
  *
  * ```javascript
  * import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
  *
  * const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
  * ```
  */
  withTags(...tags) {
    let flatTags = [];
    for (const tag of tags) flatTags = flatTags.concat(tag);
    return new Schema2([...this.tags, ...flatTags]);
  }
};
var FAILSAFE_SCHEMA = new Schema([
  strTag,
  seqTag,
  mapTag
]);
var JSON_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullJsonTag,
  boolJsonTag,
  intJsonTag,
  floatJsonTag
]);
var CORE_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullCoreTag,
  boolCoreTag,
  intCoreTag,
  floatCoreTag
]);
var YAML11_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullYaml11Tag,
  boolYaml11Tag,
  intYaml11Tag,
  floatYaml11Tag,
  timestampTag,
  mergeTag,
  binaryTag,
  omapTag,
  pairsTag,
  setTag
]);
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
  ...intYaml11Tag,
  resolve: (source, isExplicit, tagName) => {
    const result = intYaml11Tag.resolve(source, isExplicit, tagName);
    return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
  }
}, {
  ...floatYaml11Tag,
  resolve: (source, isExplicit, tagName) => {
    const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
    return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
  }
});
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => /* @__PURE__ */ new Map(),
  addPair: (container, key, value) => {
    container.set(key, value);
    return "";
  },
  has: (container, key) => container.has(key),
  keys: (container) => container.keys(),
  get: (container, key) => container.get(key),
  identify: (data) => data instanceof Map || isPlainObject(data),
  represent: (data) => {
    if (data instanceof Map) return data;
    const map = /* @__PURE__ */ new Map();
    const obj2 = data;
    for (const key of Object.keys(obj2)) map.set(key, obj2[key]);
    return map;
  }
});
function normalizeKey(key) {
  if (Array.isArray(key)) {
    const array = Array.prototype.slice.call(key);
    for (let index = 0; index < array.length; index++) {
      if (Array.isArray(array[index])) return null;
      if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
    }
    return String(array);
  }
  if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
  return String(key);
}
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of Object.keys(o)) map.set(key, o[key]);
    return map;
  },
  addPair: (container, key, value) => {
    const normalizedKey = normalizeKey(key);
    if (normalizedKey === null) return "nested arrays are not supported inside keys";
    if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
      value,
      enumerable: true,
      configurable: true,
      writable: true
    });
    else container[normalizedKey] = value;
    return "";
  },
  has: (container, key) => {
    const normalizedKey = normalizeKey(key);
    return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
  },
  keys: (container) => Object.keys(container),
  get: (container, key) => {
    const normalizedKey = String(key);
    if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
    return container[normalizedKey];
  }
});
var DEFAULT_SNIPPET_OPTIONS = {
  maxLength: 79,
  indent: 1,
  linesBefore: 3,
  linesAfter: 2
};
function getLine(buffer, lineStart2, lineEnd, position2, maxLineLength) {
  let head = "";
  let tail = "";
  const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
  if (position2 - lineStart2 > maxHalfLength) {
    head = " ... ";
    lineStart2 = position2 - maxHalfLength + head.length;
  }
  if (lineEnd - position2 > maxHalfLength) {
    tail = " ...";
    lineEnd = position2 + maxHalfLength - tail.length;
  }
  return {
    str: head + buffer.slice(lineStart2, lineEnd).replace(/\t/g, "\u2192") + tail,
    pos: position2 - lineStart2 + head.length
  };
}
function padStart(string, max) {
  return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
  if (!mark.buffer) return null;
  const opts = {
    ...DEFAULT_SNIPPET_OPTIONS,
    ...options
  };
  const re = /\r?\n|\r|\0/g;
  const lineStarts = [0];
  const lineEnds = [];
  let match2;
  let foundLineNo = -1;
  while (match2 = re.exec(mark.buffer)) {
    lineEnds.push(match2.index);
    lineStarts.push(match2.index + match2[0].length);
    if (mark.position <= match2.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
  }
  if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
  let result = "";
  const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
  const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
  for (let i = 1; i <= opts.linesBefore; i++) {
    if (foundLineNo - i < 0) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
    result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line2.str}
${result}`;
  }
  const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
  result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}
`;
  result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^
`;
  for (let i = 1; i <= opts.linesAfter; i++) {
    if (foundLineNo + i >= lineEnds.length) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
    result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line2.str}
`;
  }
  return result.replace(/\n$/, "");
}
function formatError(exception, compact) {
  let where2 = "";
  if (!exception.mark) return exception.reason;
  if (exception.mark.name) where2 += `in "${exception.mark.name}" `;
  where2 += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
  if (!compact && exception.mark.snippet) where2 += `

${exception.mark.snippet}`;
  return `${exception.reason} ${where2}`;
}
var YAMLException = class YAMLException2 extends Error {
  reason;
  mark;
  /**
  * Optional `mark` contains source snippet data. Usually, use
  * {@link YAMLException.throwAt} instead of passing it directly.
  */
  constructor(reason4, mark) {
    super();
    this.name = "YAMLException";
    this.reason = reason4;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
  }
  /**
  * Returns the formatted error, omitting the source snippet in compact mode.
  */
  toString(compact) {
    return `${this.name}: ${formatError(this, compact)}`;
  }
  /**
  * Builds a YAMLException with a source snippet and throws it. `source` is
  * the raw input text; `position` is an offset into it.
  */
  static throwAt(source, position2, message, filename = "") {
    let line = 0;
    let lineStart2 = 0;
    for (let index = 0; index < position2; index++) {
      const ch = source.charCodeAt(index);
      if (ch === 10) {
        line++;
        lineStart2 = index + 1;
      } else if (ch === 13) {
        line++;
        if (source.charCodeAt(index + 1) === 10) index++;
        lineStart2 = index + 1;
      }
    }
    const mark = {
      name: filename,
      buffer: source,
      position: position2,
      line,
      column: position2 - lineStart2
    };
    mark.snippet = makeSnippet(mark);
    throw new YAMLException2(message, mark);
  }
};
var EVENT_ID = {
  DOCUMENT: 1,
  SEQUENCE: 2,
  MAPPING: 3,
  SCALAR: 4,
  ALIAS: 5,
  POP: 6
};
var SCALAR_STYLE = {
  PLAIN: 1,
  SINGLE_QUOTED: 2,
  DOUBLE_QUOTED: 3,
  LITERAL_BLOCK: 4,
  FOLDED_BLOCK: 5
};
var COLLECTION_STYLE = {
  BLOCK: 1,
  FLOW: 2
};
var CHOMPING_MODE = {
  CLIP: 1,
  STRIP: 2,
  KEEP: 3
};
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
  switch (c) {
    case 48:
      return "\0";
    case 97:
      return "\x07";
    case 98:
      return "\b";
    case 116:
      return "	";
    case 9:
      return "	";
    case 110:
      return "\n";
    case 118:
      return "\v";
    case 102:
      return "\f";
    case 114:
      return "\r";
    case 101:
      return "\x1B";
    case 32:
      return " ";
    case 34:
      return '"';
    case 47:
      return "/";
    case 92:
      return "\\";
    case 78:
      return "\x85";
    case 95:
      return "\xA0";
    case 76:
      return "\u2028";
    case 80:
      return "\u2029";
    default:
      return "";
  }
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
  simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
  simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
  if (c <= 65535) return String.fromCharCode(c);
  return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
  if (c >= 48 && c <= 57) return c - 48;
  return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  return 8;
}
function skipFoldedBreaks(input, position2, end) {
  let breaks2 = 0;
  while (position2 < end) {
    const ch = input.charCodeAt(position2);
    if (ch === 10) {
      breaks2++;
      position2++;
    } else if (ch === 13) {
      breaks2++;
      position2++;
      if (input.charCodeAt(position2) === 10) position2++;
    } else if (ch === 32 || ch === 9) position2++;
    else break;
  }
  return {
    position: position2,
    breaks: breaks2
  };
}
function foldedBreaks(count2) {
  if (count2 === 1) return " ";
  return "\n".repeat(count2 - 1);
}
function getPlainValue(input, start, end) {
  let result = "";
  let position2 = start;
  let captureStart = start;
  let captureEnd = start;
  while (position2 < end) {
    const ch = input.charCodeAt(position2);
    if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold2 = skipFoldedBreaks(input, position2, end);
      result += foldedBreaks(fold2.breaks);
      position2 = captureStart = captureEnd = fold2.position;
    } else {
      position2++;
      if (ch !== 32 && ch !== 9) captureEnd = position2;
    }
  }
  return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
  let result = "";
  let position2 = start;
  let captureStart = start;
  let captureEnd = start;
  while (position2 < end) {
    const ch = input.charCodeAt(position2);
    if (ch === 39) {
      result += input.slice(captureStart, position2) + "'";
      position2 += 2;
      captureStart = captureEnd = position2;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold2 = skipFoldedBreaks(input, position2, end);
      result += foldedBreaks(fold2.breaks);
      position2 = captureStart = captureEnd = fold2.position;
    } else {
      position2++;
      if (ch !== 32 && ch !== 9) captureEnd = position2;
    }
  }
  return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
  let result = "";
  let position2 = start;
  let captureStart = start;
  let captureEnd = start;
  while (position2 < end) {
    const ch = input.charCodeAt(position2);
    if (ch === 92) {
      result += input.slice(captureStart, position2);
      position2++;
      const escaped = input.charCodeAt(position2);
      if (escaped === 10 || escaped === 13) position2 = skipFoldedBreaks(input, position2, end).position;
      else if (escaped < 256 && simpleEscapeCheck[escaped]) {
        result += simpleEscapeMap[escaped];
        position2++;
      } else {
        let hexLength = escapedHexLen$1(escaped);
        let hexResult = 0;
        for (; hexLength > 0; hexLength--) {
          position2++;
          const digit2 = fromHexCode$1(input.charCodeAt(position2));
          hexResult = (hexResult << 4) + digit2;
        }
        result += charFromCodepoint(hexResult);
        position2++;
      }
      captureStart = captureEnd = position2;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold2 = skipFoldedBreaks(input, position2, end);
      result += foldedBreaks(fold2.breaks);
      position2 = captureStart = captureEnd = fold2.position;
    } else {
      position2++;
      if (ch !== 32 && ch !== 9) captureEnd = position2;
    }
  }
  return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
  const textIndent = indent < 0 ? 0 : indent;
  const region = input.slice(start, end).replace(/\r\n?/g, "\n");
  const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
  let result = "";
  let didReadContent = false;
  let emptyLines = 0;
  let atMoreIndented = false;
  for (const line of lines) {
    let column = 0;
    while (column < textIndent && line.charCodeAt(column) === 32) column++;
    if (indent < 0 || column >= line.length) {
      emptyLines++;
      continue;
    }
    const content = line.slice(textIndent);
    const first = content.charCodeAt(0);
    if (folded) {
      if (first === 32 || first === 9) {
        atMoreIndented = true;
        result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
      } else if (atMoreIndented) {
        atMoreIndented = false;
        result += "\n".repeat(emptyLines + 1);
      } else if (emptyLines === 0) {
        if (didReadContent) result += " ";
      } else result += "\n".repeat(emptyLines);
    } else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
    result += content;
    didReadContent = true;
    emptyLines = 0;
  }
  if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
  else if (chomping !== CHOMPING_MODE.STRIP) {
    if (didReadContent) result += "\n";
  }
  return result;
}
function getScalarValue(input, scalar) {
  if (scalar.valueStart === NO_RANGE$3) return "";
  const { valueStart, valueEnd: valueEnd2 } = scalar;
  if (scalar.fast) return input.slice(valueStart, valueEnd2);
  switch (scalar.style) {
    case SCALAR_STYLE.SINGLE_QUOTED:
      return getSingleQuotedValue(input, valueStart, valueEnd2);
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return getDoubleQuotedValue(input, valueStart, valueEnd2);
    case SCALAR_STYLE.LITERAL_BLOCK:
      return getBlockValue(input, valueStart, valueEnd2, scalar.indent, scalar.chomping, false);
    case SCALAR_STYLE.FOLDED_BLOCK:
      return getBlockValue(input, valueStart, valueEnd2, scalar.indent, scalar.chomping, true);
    default:
      return getPlainValue(input, valueStart, valueEnd2);
  }
}
var DEFAULT_TAG_HANDLERS = Object.assign(/* @__PURE__ */ Object.create(null), {
  "!": "!",
  "!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
  filename: "",
  schema: CORE_SCHEMA,
  json: false,
  maxTotalMergeKeys: 1e4,
  maxAliases: -1
};
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
  filename: "",
  maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
  state.events.push({
    type: EVENT_ID.DOCUMENT,
    explicitStart,
    explicitEnd,
    directives: state.directives
  });
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state.events.push({
    type: EVENT_ID.SEQUENCE,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state.events.push({
    type: EVENT_ID.MAPPING,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function insertFlowPairMappingEvent(state, snapshot) {
  state.events.splice(snapshot.eventsLength, 0, {
    type: EVENT_ID.MAPPING,
    start: snapshot.position,
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1,
    style: COLLECTION_STYLE.FLOW
  });
}
function addScalarEvent(state, valueStart, valueEnd2, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
  state.events.push({
    type: EVENT_ID.SCALAR,
    valueStart,
    valueEnd: valueEnd2,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style,
    chomping,
    indent,
    fast
  });
}
function addAliasEvent(state, anchorStart, anchorEnd) {
  state.events.push({
    type: EVENT_ID.ALIAS,
    anchorStart,
    anchorEnd
  });
}
function addPopEvent(state) {
  state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
  addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
  return {
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1
  };
}
function snapshotState(state) {
  return {
    position: state.position,
    line: state.line,
    lineStart: state.lineStart,
    lineIndent: state.lineIndent,
    firstTabInLine: state.firstTabInLine,
    eventsLength: state.events.length
  };
}
function restoreState(state, snapshot) {
  state.position = snapshot.position;
  state.line = snapshot.line;
  state.lineStart = snapshot.lineStart;
  state.lineIndent = snapshot.lineIndent;
  state.firstTabInLine = snapshot.firstTabInLine;
  state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
  YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
  return c === 10 || c === 13;
}
function isWhiteSpace(c) {
  return c === 9 || c === 32;
}
function isWsOrEol(c) {
  return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
  return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
  return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
  if (c >= 48 && c <= 57) return c - 48;
  const lc = c | 32;
  if (lc >= 97 && lc <= 102) return lc - 97 + 10;
  return -1;
}
function escapedHexLen(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  if (c === 85) return 8;
  return 0;
}
function isSimpleEscape(c) {
  return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
  if (state.input.charCodeAt(state.position) === 10) state.position++;
  else {
    state.position++;
    if (state.input.charCodeAt(state.position) === 10) state.position++;
  }
  state.line++;
  state.lineStart = state.position;
  state.lineIndent = 0;
  state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
  let lineBreaks = 0;
  let ch = state.input.charCodeAt(state.position);
  let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
  while (ch !== 0) {
    while (isWhiteSpace(ch)) {
      hasSeparation = true;
      if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
      ch = state.input.charCodeAt(++state.position);
    }
    if (allowComments && hasSeparation && ch === 35) do
      ch = state.input.charCodeAt(++state.position);
    while (!isEol(ch) && ch !== 0);
    if (!isEol(ch)) break;
    consumeLineBreak(state);
    lineBreaks++;
    hasSeparation = true;
    ch = state.input.charCodeAt(state.position);
    while (ch === 32) {
      state.lineIndent++;
      ch = state.input.charCodeAt(++state.position);
    }
  }
  return lineBreaks;
}
function testDocumentSeparator(state, position2 = state.position) {
  const ch = state.input.charCodeAt(position2);
  if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position2 + 1) && ch === state.input.charCodeAt(position2 + 2)) {
    const following = state.input.charCodeAt(position2 + 3);
    return following === 0 || isWsOrEol(following);
  }
  return false;
}
function skipByteOrderMark(state) {
  if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
    state.position++;
    state.lineStart = state.position;
  }
}
function testDocumentBoundary(state) {
  if (state.position !== state.lineStart) return false;
  if (testDocumentSeparator(state)) return true;
  if (state.input.charCodeAt(state.position) !== 65279) return false;
  const snapshot = snapshotState(state);
  skipByteOrderMark(state);
  skipSeparationSpace(state, true);
  const ch = state.input.charCodeAt(state.position);
  const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
  restoreState(state, snapshot);
  return result;
}
function skipUntilLineEnd(state) {
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
  const match2 = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
  if (match2 !== null) {
    state.position = start + match2.index + match2[0].length - 1;
    throwError(state, "the stream contains non-printable characters");
  }
}
function readTagProperty(state, props, inFlow) {
  if (state.input.charCodeAt(state.position) !== 33) return false;
  if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
  const start = state.position;
  let isVerbatim = false;
  let isNamed = false;
  let tagHandle = "!";
  let ch = state.input.charCodeAt(++state.position);
  if (ch === 60) {
    isVerbatim = true;
    ch = state.input.charCodeAt(++state.position);
  } else if (ch === 33) {
    isNamed = true;
    tagHandle = "!!";
    ch = state.input.charCodeAt(++state.position);
  }
  let suffixStart = state.position;
  let tagName;
  if (isVerbatim) {
    while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
    if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
    tagName = state.input.slice(suffixStart, state.position);
    state.position++;
  } else {
    while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
      if (ch === 33) {
        if (!isNamed) {
          tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
          if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
          isNamed = true;
          suffixStart = state.position + 1;
        } else throwError(state, "tag suffix cannot contain exclamation marks");
      }
      ch = state.input.charCodeAt(++state.position);
    }
    tagName = state.input.slice(suffixStart, state.position);
    if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
  }
  if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
  if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
  props.tagStart = start;
  props.tagEnd = state.position;
  return true;
}
function readAnchorProperty(state, props) {
  if (state.input.charCodeAt(state.position) !== 38) return false;
  if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
  state.position++;
  const start = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
  if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
  props.anchorStart = start;
  props.anchorEnd = state.position;
  return true;
}
function readAlias(state, props) {
  if (state.input.charCodeAt(state.position) !== 42) return false;
  if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
  state.position++;
  const start = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
  if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
  addAliasEvent(state, start, state.position);
  return true;
}
function readFlowScalarBreak(state, nodeIndent) {
  skipSeparationSpace(state, false);
  if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
  if (state.input.charCodeAt(state.position) !== 39) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 39) {
      if (state.input.charCodeAt(state.position + 1) === 39) {
        simple = false;
        state.position += 2;
        continue;
      }
      const end = state.position;
      state.position++;
      addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
    else state.position++;
  }
  throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
  if (state.input.charCodeAt(state.position) !== 34) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 34) {
      const end = state.position;
      state.position++;
      addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (ch === 92) {
      simple = false;
      const escaped = state.input.charCodeAt(++state.position);
      if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
      else if (isSimpleEscape(escaped)) state.position++;
      else {
        let hexLength = escapedHexLen(escaped);
        if (hexLength === 0) throwError(state, "unknown escape sequence");
        while (hexLength-- > 0) {
          state.position++;
          if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
        }
        state.position++;
      }
    } else if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
    else state.position++;
  }
  throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
  const ch = state.input.charCodeAt(state.position);
  let chomping = CHOMPING_MODE.CLIP;
  let indent = -1;
  let detectedIndent = false;
  if (ch !== 124 && ch !== 62) return false;
  const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    const current = state.input.charCodeAt(state.position);
    const digit2 = fromDecimalCode(current);
    if (current === 43 || current === 45) {
      if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
      chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
      state.position++;
    } else if (digit2 >= 0) {
      if (digit2 === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
      if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
      indent = parentIndent + digit2 - 1;
      detectedIndent = true;
      state.position++;
    } else break;
  }
  let hadWhitespace = false;
  while (isWhiteSpace(state.input.charCodeAt(state.position))) {
    hadWhitespace = true;
    state.position++;
  }
  if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
  let contentIndent = detectedIndent ? indent : -1;
  let maxLeadingIndent = 0;
  const valueStart = state.position;
  let valueEnd2 = state.position;
  while (state.input.charCodeAt(state.position) !== 0) {
    const linePosition = state.position;
    let column = 0;
    while (state.input.charCodeAt(linePosition + column) === 32) column++;
    const first = state.input.charCodeAt(linePosition + column);
    if (first === 0) {
      if (contentIndent >= 0) {
        if (column > contentIndent) valueEnd2 = linePosition + column;
      } else if (column > 0) valueEnd2 = linePosition + column;
      break;
    }
    if (testDocumentBoundary(state)) break;
    if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
    if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
      if (first === 9 && column < parentIndent) {
        state.position = linePosition + column;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (column >= parentIndent && column < maxLeadingIndent) {
        state.position = linePosition + column;
        throwError(state, "bad indentation of a mapping entry");
      }
    }
    if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
    const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
    if (first !== 0 && !isEol(first) && column < requiredIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    skipUntilLineEnd(state);
    valueEnd2 = state.position;
    if (isEol(state.input.charCodeAt(state.position))) {
      consumeLineBreak(state);
      valueEnd2 = state.position;
    }
  }
  checkPrintable(state, valueStart, valueEnd2);
  addScalarEvent(state, valueStart, valueEnd2, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
  return true;
}
function canStartPlainScalar(state, nodeContext) {
  const ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
  if (ch === 63 || ch === 45) {
    const following = state.input.charCodeAt(state.position + 1);
    if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
  }
  return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
  if (!canStartPlainScalar(state, nodeContext)) return false;
  const start = state.position;
  let end = state.position;
  let ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  let multiline = false;
  while (ch !== 0) {
    if (testDocumentBoundary(state)) break;
    if (ch === 58) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
    } else if (ch === 35) {
      if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
    } else if (inFlow && isFlowIndicator(ch)) break;
    else if (isEol(ch)) {
      const savedPosition = state.position;
      const savedLine = state.line;
      const savedLineStart = state.lineStart;
      const savedLineIndent = state.lineIndent;
      skipSeparationSpace(state, false);
      if (state.lineIndent >= nodeIndent) {
        multiline = true;
        ch = state.input.charCodeAt(state.position);
        continue;
      }
      state.position = savedPosition;
      state.line = savedLine;
      state.lineStart = savedLineStart;
      state.lineIndent = savedLineIndent;
      break;
    }
    if (!isWhiteSpace(ch)) end = state.position + 1;
    ch = state.input.charCodeAt(++state.position);
  }
  if (end === start) return false;
  checkPrintable(state, start, end);
  addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
  return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
  const startLine = state.line;
  skipSeparationSpace(state, true);
  if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
  const ch = state.input.charCodeAt(state.position);
  const isMapping = ch === 123;
  const start = state.position;
  let readNext = true;
  if (ch !== 91 && ch !== 123) return false;
  const terminator = isMapping ? 125 : 93;
  if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    skipFlowSeparationSpace(state, nodeIndent);
    let ch2 = state.input.charCodeAt(state.position);
    if (ch2 === terminator) {
      state.position++;
      addPopEvent(state);
      return true;
    } else if (!readNext) throwError(state, "missed comma between flow collection entries");
    else if (ch2 === 44) throwError(state, "expected the node content, but found ','");
    let isPair4 = false;
    let isExplicitPair = false;
    if (ch2 === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
      isPair4 = isExplicitPair = true;
      state.position += 1;
      skipFlowSeparationSpace(state, nodeIndent);
    }
    const entryLine = state.line;
    const entryStart = snapshotState(state);
    const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
    skipFlowSeparationSpace(state, nodeIndent);
    ch2 = state.input.charCodeAt(state.position);
    if ((isMapping || isExplicitPair || state.line === entryLine) && ch2 === 58) {
      isPair4 = true;
      state.position++;
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping) {
        insertFlowPairMappingEvent(state, entryStart);
        if (!keyWasRead) addEmptyScalarEvent(state);
      } else if (!keyWasRead) addEmptyScalarEvent(state);
      if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping) addPopEvent(state);
    } else if (isMapping && isPair4) {
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
    } else if (isMapping) addEmptyScalarEvent(state);
    else if (isPair4) {
      insertFlowPairMappingEvent(state, entryStart);
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
      addPopEvent(state);
    }
    ch2 = state.input.charCodeAt(state.position);
    if (ch2 === 44) {
      readNext = true;
      state.position++;
    } else readNext = false;
  }
  throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
  if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
  addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
  while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
    if (state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, "tab characters must not be used in indentation");
    }
    const entryLine = state.line;
    state.position++;
    const hadBreak = skipSeparationSpace(state, true) > 0;
    if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
    if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
    else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
    skipSeparationSpace(state, true);
    if (state.lineIndent < nodeIndent || state.position >= state.length) break;
    if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
    if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
  }
  addPopEvent(state);
  return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
  let atExplicitKey = false;
  let detected = false;
  let mappingOpened = false;
  let pendingExplicitKey = false;
  if (state.firstTabInLine !== -1) return false;
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0) {
    if (!atExplicitKey && state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, "tab characters must not be used in indentation");
    }
    const following = state.input.charCodeAt(state.position + 1);
    const entryLine = state.line;
    if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
      if (!mappingOpened) {
        addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
        mappingOpened = true;
      }
      if (ch === 63) {
        if (atExplicitKey) addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = true;
      } else if (atExplicitKey) atExplicitKey = false;
      else {
        addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = false;
      }
      state.position += 1;
      pendingExplicitKey = true;
    } else {
      if (atExplicitKey) {
        addEmptyScalarEvent(state);
        atExplicitKey = false;
      }
      const beforeKey = snapshotState(state);
      if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
      if (state.line === entryLine) {
        ch = state.input.charCodeAt(state.position);
        while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
        if (ch === 58) {
          ch = state.input.charCodeAt(++state.position);
          if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
          if (!mappingOpened) {
            state.events.splice(beforeKey.eventsLength, 0, {
              type: EVENT_ID.MAPPING,
              start: beforeKey.position,
              anchorStart: props.anchorStart,
              anchorEnd: props.anchorEnd,
              tagStart: props.tagStart,
              tagEnd: props.tagEnd,
              style: COLLECTION_STYLE.BLOCK
            });
            mappingOpened = true;
          }
          detected = true;
          atExplicitKey = false;
          pendingExplicitKey = false;
        } else if (detected) throwError(state, "expected ':' after a mapping key");
        else {
          if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
            restoreState(state, beforeKey);
            return false;
          }
          return true;
        }
      } else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
      else {
        if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
          restoreState(state, beforeKey);
          return false;
        }
        return true;
      }
    }
    if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
    if (!atExplicitKey) {
      if (pendingExplicitKey) {
        addEmptyScalarEvent(state);
        pendingExplicitKey = false;
      }
    }
    skipSeparationSpace(state, true);
    ch = state.input.charCodeAt(state.position);
    if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
    else if (state.lineIndent < nodeIndent) break;
  }
  if (!detected) return false;
  if (atExplicitKey) addEmptyScalarEvent(state);
  if (mappingOpened) addPopEvent(state);
  return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
  if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
  state.depth++;
  let indentStatus = 1;
  let atNewLine = false;
  let hasContent = false;
  let propertyStart = null;
  const props = emptyProperties();
  let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
  let allowBlockCollections = allowBlockScalars;
  const allowBlockStyles = allowBlockScalars;
  if (allowToSeek && skipSeparationSpace(state, true)) {
    atNewLine = true;
    if (state.lineIndent > parentIndent) indentStatus = 1;
    else if (state.lineIndent === parentIndent) indentStatus = 0;
    else indentStatus = -1;
  }
  if (indentStatus === 1) while (true) {
    const ch = state.input.charCodeAt(state.position);
    const propertyState = snapshotState(state);
    if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
    if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
      const fallbackState = snapshotState(state);
      const flowIndent = parentIndent + 1;
      if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
        state.depth--;
        return true;
      }
      restoreState(state, fallbackState);
    }
    if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
    if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
    if (propertyStart === null) propertyStart = propertyState;
    if (skipSeparationSpace(state, true)) {
      atNewLine = true;
      allowBlockCollections = allowBlockStyles;
      if (state.lineIndent > parentIndent) indentStatus = 1;
      else if (state.lineIndent === parentIndent) indentStatus = 0;
      else indentStatus = -1;
    } else allowBlockCollections = false;
  }
  if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
  if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
    const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
    const blockIndent = state.position - state.lineStart;
    if (indentStatus === 1) {
      if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
      else {
        const ch = state.input.charCodeAt(state.position);
        if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
          const fallbackState = snapshotState(state);
          const propertyIndent = propertyStart.position - propertyStart.lineStart;
          restoreState(state, propertyStart);
          if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
          else restoreState(state, fallbackState);
        }
        if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
      }
    } else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
  }
  allowBlockScalars = allowBlockScalars && !hasContent;
  if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
    addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
    hasContent = true;
  }
  state.depth--;
  return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
  if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
  state.position++;
  const nameStart = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
  const name = state.input.slice(nameStart, state.position);
  const args = [];
  if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
  while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
    while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
    if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
    const start = state.position;
    while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
    args.push(state.input.slice(start, state.position));
  }
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  if (name === "YAML") {
    if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
    if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
    const match2 = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
    if (match2 === null) throwError(state, "ill-formed argument of the YAML directive");
    if (parseInt(match2[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
    state.directives.push({
      kind: "yaml",
      version: args[0]
    });
  } else if (name === "TAG") {
    if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
    const [handle, prefix2] = args;
    if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
    if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
    if (!PATTERN_TAG_PREFIX.test(prefix2)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
    state.tagHandlers[handle] = prefix2;
    state.directives.push({
      kind: "tag",
      handle,
      prefix: prefix2
    });
  }
  return true;
}
function readDocument(state) {
  state.directives = [];
  state.tagHandlers = /* @__PURE__ */ Object.create(null);
  let hasDirectives = false;
  skipSeparationSpace(state, true);
  while (readDirective(state)) {
    hasDirectives = true;
    skipSeparationSpace(state, true);
  }
  let explicitStart = false;
  let explicitEnd = false;
  let allowCompact = true;
  if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
    explicitStart = true;
    const markerLine = state.line;
    state.position += 3;
    skipSeparationSpace(state, true);
    allowCompact = state.line > markerLine;
  } else if (hasDirectives) throwError(state, "directives end mark is expected");
  const documentEventIndex = state.events.length;
  if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
    state.position += 3;
    skipSeparationSpace(state, true);
    return;
  }
  addDocumentEvent(state, explicitStart, false);
  if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
  skipSeparationSpace(state, true);
  if (state.position === state.lineStart && testDocumentSeparator(state)) {
    explicitEnd = state.input.charCodeAt(state.position) === 46;
    if (explicitEnd) {
      const markerLine = state.line;
      state.position += 3;
      skipSeparationSpace(state, true);
      if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
    }
  }
  const documentEvent = state.events[documentEventIndex];
  if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
  addPopEvent(state);
  if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
function parseEvents(input, options) {
  const length = input.length;
  const state = {
    ...DEFAULT_PARSER_OPTIONS,
    ...options,
    input: `${input}\0`,
    length,
    position: 0,
    line: 0,
    lineStart: 0,
    lineIndent: 0,
    firstTabInLine: -1,
    depth: 0,
    directives: [],
    tagHandlers: /* @__PURE__ */ Object.create(null),
    events: []
  };
  const nullpos = input.indexOf("\0");
  if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
  while (state.position < state.length) {
    skipByteOrderMark(state);
    skipSeparationSpace(state, true);
    if (state.position >= state.length) break;
    const documentStart = state.position;
    readDocument(state);
    if (state.position === documentStart)
      throwError(state, "can not read a document");
  }
  return state.events;
}
var DEFAULT_LOAD_OPTIONS = {
  ...DEFAULT_PARSER_OPTIONS,
  ...DEFAULT_CONSTRUCTOR_OPTIONS
};
function hasBit(mask, bit) {
  return (mask & 1 << bit) !== 0;
}
var DEFAULT_SCALAR_STYLE_RULES = {
  applyQuoteFlowKeysOption,
  doubleQuoteForInvisibles,
  doubleQuoteWhitespaceOnly,
  applyForceQuotesOption,
  tryLongOrMultilineAsBlock,
  quoteInvalidPlain,
  fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
  if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
  return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
  if (!layout.presenterOptions.quoteFlowKeys) return;
  if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
  layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
  if (!layout.presenterOptions.forceQuotes) return;
  if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
  if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
  layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
  if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
  const value = layout.node.value;
  const multiline = value.indexOf("\n") !== -1;
  if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
    if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
    return;
  }
  const w = layout.presenterOptions.lineWidth;
  if (w === -1) {
    if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
    return;
  }
  const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
  let position2 = 0;
  let shouldFold = false;
  while (position2 <= value.length) {
    let lineEnd = value.length;
    const nextLineBreak = value.indexOf("\n", position2);
    if (nextLineBreak !== -1) lineEnd = nextLineBreak;
    const line = value.slice(position2, lineEnd);
    if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
    if (nextLineBreak === -1) break;
    position2 = nextLineBreak + 1;
  }
  if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
  else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
  if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var DEFAULT_PRESENTER_OPTIONS = {
  indent: 2,
  seqNoIndent: false,
  seqInlineFirst: true,
  lineWidth: 80,
  flowBracketPadding: false,
  flowSkipCommaSpace: false,
  flowSkipColonSpace: false,
  quoteFlowKeys: false,
  quoteStyle: "single",
  forceQuotes: false,
  scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
  tagBeforeAnchor: false
};
var DEFAULT_DUMP_OPTIONS = {
  ...DEFAULT_PRESENTER_OPTIONS,
  schema: DUMP_SCHEMA,
  skipInvalid: false,
  noRefs: false,
  flowLevel: -1,
  sortKeys: false,
  transform: () => {
  }
};
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
var EVENT_MAPPING = EVENT_ID.MAPPING;
var EVENT_SCALAR = EVENT_ID.SCALAR;
var EVENT_ALIAS = EVENT_ID.ALIAS;
var EVENT_POP = EVENT_ID.POP;
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;

// src/manifests/eventCursor.ts
var Unsupported = class {
};
var unsupported = new Unsupported();
var EventCursor = class {
  constructor(events) {
    this.events = events;
  }
  events;
  next = 0;
  /** The event at the cursor, which moves past it. */
  take() {
    const event = this.events[this.next++];
    if (event === void 0) throw unsupported;
    return event;
  }
  /** The event at the cursor, which stays. */
  peek() {
    const event = this.events[this.next];
    if (event === void 0) throw unsupported;
    return event;
  }
};

// src/manifests/eventReader.ts
var placeOffset = (place) => typeof place === "number" ? place : place.at;
var nestingLimit = 500;
var NestingTooDeep = class {
  constructor(offset) {
    this.offset = offset;
  }
  offset;
};
function readEventDocuments(text3, lineStarts) {
  if (hasLoneCarriageReturn(text3) || hasLongLine(text3, lineStarts) || text3.includes("\uFEFF")) return null;
  if (text3.includes("	") && tabIndent.test(text3)) return null;
  if (indentedMarker.test(text3)) return null;
  let events;
  try {
    events = parseEvents(text3, { maxDepth: nestingLimit });
  } catch (caught) {
    if (caught instanceof YAMLException && caught.reason.includes("maxDepth")) throw new NestingTooDeep(caught.mark?.position ?? 0);
    return null;
  }
  try {
    return new Reader(text3, events).documents();
  } catch (caught) {
    if (caught instanceof Unsupported) return null;
    throw caught;
  }
}
function hasLoneCarriageReturn(text3) {
  for (let i = text3.indexOf("\r"); i !== -1; i = text3.indexOf("\r", i + 1)) {
    if (text3.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}
function hasLongLine(text3, lineStarts) {
  for (let i = 0; i < lineStarts.length; i++) {
    if ((lineStarts[i + 1] ?? text3.length + 1) - 1 - (lineStarts[i] ?? 0) > 1024) return true;
  }
  return false;
}
var indentedMarker = /^[ \t]+(?:---|\.\.\.|%)/m;
var tabIndent = /^ *\t/m;
var quoted = (style) => style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED;
var scalarStart = (event) => quoted(event.style) ? event.valueStart - 1 : event.valueStart;
var blankOnly = /^\s+$/;
var block = (style) => style === SCALAR_STYLE.LITERAL_BLOCK || style === SCALAR_STYLE.FOLDED_BLOCK;
var Reader = class extends EventCursor {
  constructor(text3, events) {
    super(events);
    this.text = text3;
  }
  text;
  documents() {
    const out = [];
    let index = 0;
    while (this.next < this.events.length) {
      const start = this.take();
      if (start.type !== EVENT_ID.DOCUMENT) throw unsupported;
      if (start.directives.length > 0) throw unsupported;
      const content = this.peek();
      if (content.type === EVENT_ID.POP) {
        this.next++;
      } else if (content.type === EVENT_ID.SCALAR && content.valueStart < 0 && content.anchorStart < 0 && content.tagStart < 0) {
        this.next++;
        if (this.take().type !== EVENT_ID.POP) throw unsupported;
      } else {
        const place = this.placeOfItem(content);
        const value = this.node(place);
        if (this.take().type !== EVENT_ID.POP) throw unsupported;
        if (value !== null) out.push({ index, value, place: this.lastPlace });
      }
      index++;
    }
    return out;
  }
  /**
   * Where `yaml` starts a node that stands alone (a sequence item, the root):
   * the first key of a block mapping, the bracket of a flow collection, the
   * quote of a quoted scalar.
   */
  placeOfItem(event) {
    switch (event.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        return event.start;
      case EVENT_ID.SCALAR:
        if (event.valueStart < 0 || block(event.style)) throw unsupported;
        return scalarStart(event);
      default:
        throw unsupported;
    }
  }
  /** The place of the node read last (a Branch for collections). */
  lastPlace = 0;
  /** Read the node at the cursor; `at` is where the locator points for it. */
  node(at3) {
    const event = this.take();
    if (event.type === EVENT_ID.SCALAR) {
      this.lastPlace = at3;
      return this.scalar(event);
    }
    if (event.type === EVENT_ID.MAPPING) {
      if (event.anchorStart >= 0 || event.tagStart >= 0) throw unsupported;
      const out = {};
      const children = /* @__PURE__ */ new Map();
      while (this.peek().type !== EVENT_ID.POP) {
        const keyEvent = this.take();
        if (keyEvent.type !== EVENT_ID.SCALAR || keyEvent.valueStart < 0 || block(keyEvent.style)) throw unsupported;
        if (this.text.lastIndexOf("\n", keyEvent.valueEnd - 1) >= keyEvent.valueStart) throw unsupported;
        const key = this.key(keyEvent);
        setKey(out, key, this.node(scalarStart(keyEvent)));
        children.set(key, this.lastPlace);
      }
      this.next++;
      this.lastPlace = { at: at3, children };
      return out;
    }
    if (event.type === EVENT_ID.SEQUENCE) {
      if (event.anchorStart >= 0 || event.tagStart >= 0) throw unsupported;
      const out = [];
      const children = [];
      while (this.peek().type !== EVENT_ID.POP) {
        out.push(this.node(this.placeOfItem(this.peek())));
        children.push(this.lastPlace);
      }
      this.next++;
      this.lastPlace = { at: at3, children };
      return out;
    }
    throw unsupported;
  }
  scalar(event) {
    if (event.anchorStart >= 0 || event.tagStart >= 0) throw unsupported;
    if (event.valueStart < 0) return null;
    const text3 = getScalarValue(this.text, event);
    if (block(event.style) && blankOnly.test(text3)) throw unsupported;
    if (event.style !== SCALAR_STYLE.PLAIN) return text3;
    const resolved2 = resolvePlainScalar(text3);
    if (!resolved2.ok) throw unsupported;
    return resolved2.value;
  }
  /** sigs.k8s.io/yaml's object key for a scalar key, as decode.ts's keyString. */
  key(event) {
    if (event.anchorStart >= 0 || event.tagStart >= 0) throw unsupported;
    const plain2 = event.style === SCALAR_STYLE.PLAIN;
    const text3 = getScalarValue(this.text, event);
    if (!plain2) return text3;
    if (text3 === "<<") throw unsupported;
    const resolved2 = resolvePlainScalar(text3);
    if (!resolved2.ok || resolved2.value === null) throw unsupported;
    return typeof resolved2.value === "string" ? resolved2.value : String(resolved2.value);
  }
};

// src/manifests/eventTree.ts
var import_yaml3 = __toESM(require_dist(), 1);
function treeFromEvents(text3, from, to, contentStart) {
  const slice = text3.slice(from, to);
  let events;
  try {
    events = parseEvents(slice, {});
  } catch {
    return null;
  }
  try {
    const root = new Builder(text3, from, slice, events).root();
    if (root.range?.[0] !== contentStart) return null;
    const doc = new import_yaml3.Document();
    doc.contents = root;
    return doc;
  } catch (caught) {
    if (caught instanceof Unsupported) return null;
    throw caught;
  }
}
var isBlank2 = (c) => c === " " || c === "	";
var isBreak = (c) => c === "\n" || c === "\r";
var Builder = class extends EventCursor {
  /** `text` is the whole file, `slice` the segment the events were read from, which starts at `from`. */
  constructor(text3, from, slice, events) {
    super(events);
    this.text = text3;
    this.from = from;
    this.slice = slice;
  }
  text;
  from;
  slice;
  /** The content of the segment's one non-empty document. */
  root() {
    while (this.next < this.events.length) {
      if (this.take().type !== EVENT_ID.DOCUMENT) throw unsupported;
      const content = this.peek();
      const empty = content.type === EVENT_ID.POP || content.type === EVENT_ID.SCALAR && content.valueStart < 0;
      if (!empty) return this.node(null);
      while (this.take().type !== EVENT_ID.POP) ;
    }
    throw unsupported;
  }
  /** The node at the cursor; `keyEnd` is where its key ends when it is a map value. */
  node(keyEnd) {
    const event = this.take();
    if (event.type === EVENT_ID.SCALAR) return this.scalar(event, keyEnd);
    if (event.type !== EVENT_ID.MAPPING && event.type !== EVENT_ID.SEQUENCE) throw unsupported;
    if (event.anchorStart >= 0 || event.tagStart >= 0) throw unsupported;
    const start = event.start + this.from;
    const flow = event.style === COLLECTION_STYLE.FLOW;
    let end = start;
    let collection;
    if (event.type === EVENT_ID.MAPPING) {
      const map = new import_yaml3.YAMLMap();
      while (this.peek().type !== EVENT_ID.POP) {
        const keyEvent = this.take();
        if (keyEvent.type !== EVENT_ID.SCALAR || keyEvent.valueStart < 0) throw unsupported;
        const key = this.scalar(keyEvent, null);
        const value = this.node(rangeOf(key)[1]);
        map.items.push(new import_yaml3.Pair(key, value));
        end = rangeOf(value)[1];
      }
      collection = map;
    } else {
      const seq = new import_yaml3.YAMLSeq();
      while (this.peek().type !== EVENT_ID.POP) {
        const item = this.node(null);
        seq.items.push(item);
        end = rangeOf(item)[1];
      }
      collection = seq;
    }
    this.next++;
    if (flow) {
      collection.flow = true;
      const open = this.text[start];
      if (open === "{" || open === "[") end = this.closing(collection.items.length === 0 ? start + 1 : end, open === "{" ? "}" : "]");
    }
    collection.range = [start, end, end];
    return collection;
  }
  scalar(event, keyEnd) {
    if (event.anchorStart >= 0 || event.tagStart >= 0) throw unsupported;
    const valueStart = event.valueStart + this.from;
    const valueEnd2 = event.valueEnd + this.from;
    let scalar;
    if (event.valueStart < 0) {
      if (keyEnd === null) throw unsupported;
      let at3 = this.colonEnd(keyEnd);
      while (isBlank2(this.text[at3])) at3++;
      scalar = new import_yaml3.Scalar("");
      scalar.type = import_yaml3.Scalar.PLAIN;
      scalar.range = [at3, at3, at3];
      return scalar;
    }
    scalar = new import_yaml3.Scalar(getScalarValue(this.slice, event));
    switch (event.style) {
      case SCALAR_STYLE.PLAIN:
        scalar.type = import_yaml3.Scalar.PLAIN;
        scalar.range = [valueStart, valueEnd2, valueEnd2];
        break;
      case SCALAR_STYLE.SINGLE_QUOTED:
      case SCALAR_STYLE.DOUBLE_QUOTED:
        scalar.type = event.style === SCALAR_STYLE.SINGLE_QUOTED ? import_yaml3.Scalar.QUOTE_SINGLE : import_yaml3.Scalar.QUOTE_DOUBLE;
        scalar.range = [valueStart - 1, valueEnd2 + 1, valueEnd2 + 1];
        break;
      default: {
        if (keyEnd === null || scalar.value === "") throw unsupported;
        const header = this.skipSpace(this.colonEnd(keyEnd));
        if (this.text[header] !== "|" && this.text[header] !== ">") throw unsupported;
        const end = event.chomping === CHOMPING_MODE.KEEP ? valueEnd2 : this.lastContentLineEnd(valueStart, valueEnd2, event.indent);
        scalar.type = event.style === SCALAR_STYLE.LITERAL_BLOCK ? import_yaml3.Scalar.BLOCK_LITERAL : import_yaml3.Scalar.BLOCK_FOLDED;
        scalar.range = [header, end, end];
      }
    }
    return scalar;
  }
  /** Just after the `:` that follows a key on its line. */
  colonEnd(keyEnd) {
    let at3 = keyEnd;
    while (isBlank2(this.text[at3])) at3++;
    if (this.text[at3] !== ":") throw unsupported;
    return at3 + 1;
  }
  /** The next offset that is not a blank, a line break or a comment. */
  skipSpace(from) {
    let at3 = from;
    for (; ; ) {
      const c = this.text[at3];
      if (isBlank2(c) || isBreak(c)) at3++;
      else if (c === "#") while (at3 < this.text.length && !isBreak(this.text[at3])) at3++;
      else return at3;
    }
  }
  /** Just after a flow collection's closing bracket, from the end of its last item. */
  closing(from, bracket) {
    let at3 = this.skipSpace(from);
    while (this.text[at3] === ",") at3 = this.skipSpace(at3 + 1);
    if (this.text[at3] !== bracket) throw unsupported;
    return at3 + 1;
  }
  /**
   * Where `yaml` ends a clipped or stripped block scalar: after the line
   * break of its last line with more than indentation on it (trailing blank
   * lines belong to no node).
   */
  lastContentLineEnd(valueStart, valueEnd2, indent) {
    if (indent < 0) throw unsupported;
    let end = -1;
    let lineStart2 = valueStart;
    while (lineStart2 < valueEnd2) {
      const newline = this.text.indexOf("\n", lineStart2);
      const lineEnd = newline === -1 || newline >= valueEnd2 ? valueEnd2 : newline;
      const contentEnd3 = this.text[lineEnd - 1] === "\r" ? lineEnd - 1 : lineEnd;
      if (contentEnd3 - lineStart2 > indent) end = lineEnd < this.text.length && this.text[lineEnd] === "\n" ? lineEnd + 1 : lineEnd;
      lineStart2 = lineEnd + 1;
    }
    if (end < 0) throw unsupported;
    return end;
  }
};
function rangeOf(node) {
  const range2 = node.range;
  if (!range2) throw unsupported;
  return range2;
}

// src/manifests/segments.ts
var breaks = "\n\r\u2028\u2029";
var atLineStart = (text3, i) => i === 0 || breaks.includes(text3.charAt(i - 1));
var endsMarker = (text3, i) => i >= text3.length || " 	".includes(text3.charAt(i)) || breaks.includes(text3.charAt(i));
function* markers(text3, marker) {
  for (let i = text3.indexOf(marker); i !== -1; i = text3.indexOf(marker, i + 1)) {
    if (atLineStart(text3, i) && endsMarker(text3, i + marker.length)) yield i;
  }
}
function segmentStarts(text3) {
  for (let i = text3.indexOf("%"); i !== -1; i = text3.indexOf("%", i + 1)) if (atLineStart(text3, i)) return null;
  if (!markers(text3, "...").next().done) return null;
  const starts = [0];
  for (const i of markers(text3, "---")) if (i > 0) starts.push(i);
  return starts;
}
function segmentText(text3, starts, k) {
  return text3.slice(starts[k], starts[k + 1] ?? text3.length);
}
function segmentAt(starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = low + high + 1 >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

// src/manifests/load.ts
var defaultLoadOptions = { maxBytes: 4 * 1024 * 1024 };
var templateAction = /\{\{-?\s*(?:[.$]|\/\*|(?:if|else|end|range|with|define|template|block|include|tpl|toYaml|printf|required|default|quote|lookup)\b)/;
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function contentBytes(content) {
  return typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;
}
function decodeContent(content) {
  if (typeof content === "string") return { text: content };
  if (content.includes(0)) return { binary: "binary file (it contains NUL bytes); it was not checked" };
  try {
    return { text: utf8.decode(content) };
  } catch {
    return { binary: "file is not UTF-8 text; it was not checked" };
  }
}
function loadManifestFile(file, content, options = defaultLoadOptions) {
  const fail = (kind, message, line = null) => ({
    file,
    documents: [],
    problems: [{ file, line, message, kind }]
  });
  const size = contentBytes(content);
  if (size > options.maxBytes) {
    return fail("too-large", `file is ${size} bytes, over the limit of ${options.maxBytes} bytes; it was not checked`);
  }
  const decoded = decodeContent(content);
  if ("binary" in decoded) return fail("binary", decoded.binary);
  const text3 = decoded.text.startsWith("\uFEFF") ? decoded.text.slice(1) : decoded.text;
  if (text3 === decoded.text && readAsJson(text3)) {
    const error = jsonStreamError(text3);
    if (error) {
      const action2 = actionLine(text3, 0, text3.length);
      if (action2 !== null) return fail("template", templateMessage, action2);
      const message = `not valid JSON (kubectl reads a file that starts with "{" as JSON): ${error.message}`;
      return fail("malformed", message, problemLine(lineCounterOf(text3), error.offset, lastContentOffset(text3)));
    }
  }
  const read = asGoyamlReads(text3);
  let loaded;
  try {
    const byEvents = options.eventReader === false ? null : readByEvents(read, text3);
    loaded = byEvents === null ? loadWithYamlReindenting(file, read, text3) : fromEvents(file, read, byEvents);
  } catch (caught) {
    if (!(caught instanceof NestingTooDeep)) throw caught;
    return fail("too-large", tooDeep, lineCounterOf(text3).linePos(caught.offset).line);
  }
  return templateAction.test(text3) ? markTemplate(loaded, text3) : loaded;
}
function hasTemplateAction(value) {
  const stack = [value];
  const seen = /* @__PURE__ */ new Set();
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "string") {
      if (templateAction.test(item)) return true;
      continue;
    }
    if (item === null || typeof item !== "object" || seen.has(item)) continue;
    seen.add(item);
    if (Array.isArray(item)) {
      for (const child of item) stack.push(child);
      continue;
    }
    for (const [key, child] of Object.entries(item)) {
      if (templateAction.test(key)) return true;
      if (child !== void 0) stack.push(child);
    }
  }
  return false;
}
var templateMessage = "looks like a Go/Helm template ({{ \u2026 }}); render it first (e.g. `helm template`) and check the output";
function actionLine(text3, from, to) {
  const actions2 = new RegExp(templateAction.source, "g");
  actions2.lastIndex = from;
  for (let match2 = actions2.exec(text3); match2 !== null && match2.index < to; match2 = actions2.exec(text3)) {
    const lineStart2 = text3.lastIndexOf("\n", match2.index - 1) + 1;
    if (/(?:^|\s)#/.test(text3.slice(lineStart2, match2.index))) continue;
    return text3.slice(0, match2.index).split("\n").length;
  }
  return null;
}
function markTemplate(loaded, text3) {
  const broken = loaded.problems.filter((p) => p.kind === "malformed" || p.kind === "invalid");
  const codeLine = broken.length > 0 ? actionLine(text3, 0, text3.length) : null;
  const templated = loaded.documents.find((d) => hasTemplateAction(d.value));
  if (codeLine === null && templated === void 0) return loaded;
  const problems = codeLine === null ? [...loaded.problems] : loaded.problems.filter((p) => !broken.includes(p));
  if (codeLine !== null) {
    problems.push({ file: loaded.file, line: codeLine, kind: "template", message: templateMessage });
  } else if (templated !== void 0) {
    problems.push({
      file: loaded.file,
      line: actionLine(text3, templated.source.start, templated.source.end) ?? templated.line,
      kind: "template",
      message: "has Go/Helm template actions ({{ \u2026 }}) in its values: only its literal settings were checked; render it (e.g. `helm template`) to check it whole"
    });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ...loaded, problems };
}
function parseYamlDocuments(text3) {
  const parsed2 = (0, import_yaml4.parseAllDocuments)(text3, { ...yamlOptions, prettyErrors: false });
  return Array.isArray(parsed2) ? parsed2 : [];
}
var plainCollection = (name, collection) => ({
  tag: `tag:yaml.org,2002:${name}`,
  collection,
  nodeClass: collection === "seq" ? import_yaml4.YAMLSeq : import_yaml4.YAMLMap,
  resolve: (value) => value
});
var sourceText = (name) => ({ tag: `tag:yaml.org,2002:${name}`, resolve: (text3) => text3 });
var customTags = [
  plainCollection("omap", "seq"),
  plainCollection("pairs", "seq"),
  plainCollection("set", "map"),
  ...["binary", "timestamp", "bool", "int", "float", "null"].map(sourceText)
];
var yamlOptions = { schema: "failsafe", uniqueKeys: false, merge: false, customTags };
function lineCounterOf(text3) {
  const lineCounter = new import_yaml4.LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text3.indexOf("\n"); i !== -1; i = text3.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
  return lineCounter;
}
function problemLine(lineCounter, offset, lastContent) {
  return lineCounter.linePos(Math.min(offset, lastContent)).line;
}
function lastContentOffset(text3) {
  return Math.max(0, text3.trimEnd().length - 1);
}
function loadWithYaml(file, text3, lineText2 = text3, reindented = null) {
  const lineCounter = lineCounterOf(lineText2);
  let parsed2;
  try {
    parsed2 = parseYamlDocuments(text3);
    if (reindented) for (const doc of parsed2) mapOffsets(doc, (offset) => originalOffset(reindented, offset));
  } catch (error) {
    const tooDeepToParse = error instanceof RangeError;
    const message = tooDeepToParse ? tooDeep : `cannot parse: ${String(error)}`;
    return { file, documents: [], problems: [{ file, line: null, message, kind: tooDeepToParse ? "too-large" : "malformed" }] };
  }
  const lineOf2 = (offset) => offset === void 0 ? null : lineCounter.linePos(offset).line;
  let lastContent;
  const problemLineOf = (offset) => problemLine(lineCounter, offset, lastContent ??= lastContentOffset(lineText2));
  const documents = [];
  const problems = [];
  parsed2.forEach((doc, index) => {
    const startLine = lineOf2(doc.contents?.range[0] ?? doc.range[0]) ?? 1;
    const error = doc.errors[0];
    if (error) {
      const message = malformedMessage(error.message);
      problems.push({ file, line: problemLineOf(error.pos[0]), message, kind: message === tooDeep ? "too-large" : "malformed" });
      return;
    }
    if (doc.contents === null) return;
    const deep = nodeDeeperThan(doc.contents, nestingLimit);
    if (deep !== null) {
      problems.push({ file, line: lineOf2(deep.range?.[0]) ?? startLine, message: tooDeep, kind: "too-large" });
      return;
    }
    try {
      const value = decodeDocument(doc);
      if (value === null) return;
      const [start, , end] = doc.contents.range;
      documents.push({ file, index, line: startLine, value, source: { doc, layout: doc, lineCounter, start, end } });
    } catch (caught) {
      if (!(caught instanceof DecodeError)) throw caught;
      const node = caught.node;
      const line = lineOf2(node?.range?.[0]) ?? startLine;
      problems.push({ file, line, message: caught.message, kind: caught.kind === "alias-bomb" ? "alias-bomb" : "invalid" });
    }
  });
  return { file, documents, problems };
}
var malformedCount = (loaded) => loaded.problems.filter((p) => p.kind === "malformed").length;
function loadWithYamlReindenting(file, text3, lineText2) {
  const first = loadWithYaml(file, text3, lineText2);
  if (malformedCount(first) === 0) return first;
  const reindented = reindentFlowContinuations(text3);
  if (reindented === null) return first;
  const second = loadWithYaml(file, reindented.text, lineText2, reindented);
  return malformedCount(second) < malformedCount(first) ? second : first;
}
function mapOffsets(doc, map) {
  const mapRange = (range2) => range2.map(map);
  doc.range = mapRange(doc.range);
  for (const error of [...doc.errors, ...doc.warnings]) error.pos = mapRange(error.pos);
  (0, import_yaml4.visit)(doc, {
    Node(_, node) {
      if (node.range) node.range = mapRange(node.range);
    }
  });
}
function readByEvents(text3, lineText2 = text3) {
  const starts = segmentStarts(text3);
  if (starts === null) return null;
  const lineCounter = lineCounterOf(lineText2);
  const read = readEventDocuments(text3, lineCounter.lineStarts);
  return read === null ? null : { read, starts, lineCounter };
}
function fromEvents(file, text3, { read, starts, lineCounter }) {
  const documents = read.map(({ index, value, place }) => {
    const start = placeOffset(place);
    const segment = segmentAt(starts, start);
    const end = starts[segment + 1] ?? text3.length;
    let tree;
    let layout;
    const source = {
      lineCounter,
      place,
      start,
      end,
      get doc() {
        tree ??= treeOfSegment(file, text3, segmentFrom(text3, starts, segment), end, start);
        return tree;
      },
      get layout() {
        layout ??= treeFromEvents(text3, segmentFrom(text3, starts, segment), end, start) ?? this.doc;
        return layout;
      }
    };
    return { file, index, line: lineCounter.linePos(start).line, value, source };
  });
  return { file, documents, problems: [] };
}
function segmentFrom(text3, starts, k) {
  const from = starts[k] ?? 0;
  if (k !== 1 || text3.startsWith("---")) return from;
  return /^(?:[ \t]*(?:#.*)?(?:\r?\n|$))*$/.test(text3.slice(0, from)) ? 0 : from;
}
function treeOfSegment(file, text3, from, to, contentStart) {
  const parser = new import_yaml4.Parser();
  parser.offset = from;
  const composer = new import_yaml4.Composer(yamlOptions);
  const until = to < text3.length ? to + 3 : to;
  const trees = [...composer.compose(parser.parse(text3.slice(from, until)), true, until)];
  const tree = trees.find((t) => t.contents !== null);
  if (tree === void 0 || tree.errors.length > 0 || tree.contents?.range[0] !== contentStart) {
    throw new Error(`${file}: yaml and the event reader disagree on the document at offset ${contentStart}`);
  }
  return tree;
}
function nodeDeeperThan(node, limit) {
  if (!(0, import_yaml4.isCollection)(node)) return null;
  if (limit === 0) return node;
  for (const item of node.items) {
    const child = (0, import_yaml4.isPair)(item) ? item.value : item;
    const deep = nodeDeeperThan(child, limit - 1) ?? ((0, import_yaml4.isPair)(item) ? nodeDeeperThan(item.key, limit - 1) : null);
    if (deep !== null) return deep;
  }
  return null;
}
var tooDeep = `collections nest deeper than ${nestingLimit} levels, the most this reader reads (kubectl reads up to 10000); it was not checked`;
function malformedMessage(message) {
  return message.includes("Maximum call stack size exceeded") ? tooDeep : `malformed YAML: ${firstLine(message)}`;
}
function firstLine(message) {
  return message.split("\n")[0] ?? message;
}

// src/pss/levels.ts
var levels = ["privileged", "baseline", "restricted"];
function parseLevel(text3) {
  if (levels.includes(text3)) return { ok: true, value: text3 };
  return { ok: false, error: "must be one of privileged, baseline, restricted", fallback: "restricted" };
}
var versionPattern = /^v1\.(0|[1-9][0-9]*)$/;
var maxInt64 = 9223372036854775807n;
function parseVersion(text3) {
  if (text3 === "latest") return { ok: true, value: "latest" };
  const match2 = versionPattern.exec(text3);
  if (match2?.[1] !== void 0) {
    const minor = BigInt(match2[1]);
    if (minor <= maxInt64) return { ok: true, value: minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : minor };
  }
  return { ok: false, error: 'must be "latest" or "v1.x"', fallback: "latest" };
}
function formatVersion(version4) {
  return version4 === "latest" ? "latest" : `v1.${version4}`;
}
function formatLevelVersion({ level: level3, version: version4 }) {
  return `${level3}:${formatVersion(version4)}`;
}
function levelRank(level3) {
  return levels.indexOf(level3);
}

// src/pss/pod.ts
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function obj(parent, key) {
  const value = parent?.[key];
  return isObject(value) ? value : void 0;
}
function list(parent, key) {
  const value = parent?.[key];
  return Array.isArray(value) ? value : [];
}
function str(parent, key) {
  const value = parent?.[key];
  return typeof value === "string" ? value : "";
}
function int(parent, key) {
  const value = parent?.[key];
  return typeof value === "number" ? value : 0;
}
function optInt(parent, key) {
  const value = parent?.[key];
  return typeof value === "number" ? value : void 0;
}
function bool(parent, key) {
  return parent?.[key] === true;
}
function optBool(parent, key) {
  const value = parent?.[key];
  return typeof value === "boolean" ? value : void 0;
}
var containerListKeys = ["initContainers", "containers", "ephemeralContainers"];
function visitContainers(pod) {
  const visited = [];
  for (const key of containerListKeys) {
    list(pod.spec, key).forEach((entry, index) => {
      if (!isObject(entry)) return;
      visited.push({ name: str(entry, "name"), container: entry, path: ["spec", key, index] });
    });
  }
  return visited;
}
function isWindowsPod(pod) {
  return str(obj(pod.spec, "os"), "name") === "windows";
}
function usesUserNamespace(pod) {
  return optBool(pod.spec, "hostUsers") === false;
}
function at(path10, ...segments) {
  return [...path10, ...segments];
}

// src/pss/format.ts
function quoteJoin(items) {
  return items.map((item) => `"${item}"`).join(", ");
}
function plural(singular, pluralForm, n) {
  return n === 1 ? singular : pluralForm;
}
function compareBytes(a, b) {
  if (a === b) return 0;
  const ab = Buffer.from(a, "utf8");
  const bb = Buffer.from(b, "utf8");
  return Buffer.compare(ab, bb);
}
function sortedSet(values) {
  return [...new Set(values)].sort(compareBytes);
}
var goEscapes = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "	": "\\t",
  "\v": "\\v",
  '"': '\\"',
  "\\": "\\\\"
};
var goPrintable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
function goQuote(s) {
  let out = '"';
  for (const ch of s) {
    const escaped = goEscapes[ch];
    if (escaped !== void 0) {
      out += escaped;
      continue;
    }
    const code = ch.codePointAt(0) ?? 0;
    if (code < 32 || code === 127) {
      out += `\\x${code.toString(16).padStart(2, "0")}`;
    } else if (goPrintable.test(ch)) {
      out += ch;
    } else if (code > 65535) {
      out += `\\U${code.toString(16).padStart(8, "0")}`;
    } else {
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    }
  }
  return `${out}"`;
}
function setters(podIsBad, badContainers, extra = []) {
  const parts = [];
  if (podIsBad) parts.push("pod");
  if (badContainers.length > 0) {
    parts.push(`${plural("container", "containers", badContainers.length)} ${quoteJoin(badContainers)}`);
  }
  parts.push(...extra);
  return parts.join(" and ");
}
function containerList(names) {
  return `${plural("container", "containers", names.length)} ${quoteJoin(names)}`;
}

// src/pss/checks/allowPrivilegeEscalation.ts
function allowPrivilegeEscalationV1_8(pod) {
  const bad = [];
  const paths = [];
  for (const { name, container, path: path10 } of visitContainers(pod)) {
    if (optBool(obj(container, "securityContext"), "allowPrivilegeEscalation") !== false) {
      bad.push(name);
      paths.push(at(path10, "securityContext", "allowPrivilegeEscalation"));
    }
  }
  if (bad.length === 0) return null;
  return {
    reason: "allowPrivilegeEscalation != false",
    detail: `${containerList(bad)} must set securityContext.allowPrivilegeEscalation=false`,
    paths
  };
}
function allowPrivilegeEscalationV1_25(pod) {
  if (isWindowsPod(pod)) return null;
  return allowPrivilegeEscalationV1_8(pod);
}
var allowPrivilegeEscalation = {
  id: "allowPrivilegeEscalation",
  level: "restricted",
  implementations: [
    { minVersion: 8, evaluate: allowPrivilegeEscalationV1_8 },
    { minVersion: 25, evaluate: allowPrivilegeEscalationV1_25 }
  ]
};

// src/pss/checks/appArmorProfile.ts
var annotationPrefix = "container.apparmor.security.beta.kubernetes.io/";
function allowedProfileType(type) {
  return type === "RuntimeDefault" || type === "Localhost";
}
function allowedAnnotationValue(value) {
  return value === "" || value === "runtime/default" || value.startsWith("localhost/");
}
function appArmorProfileV1_0(pod) {
  const badValues = [];
  const paths = [];
  let podIsBad = false;
  const podProfile = obj(obj(pod.spec, "securityContext"), "appArmorProfile");
  if (podProfile && !allowedProfileType(str(podProfile, "type"))) {
    podIsBad = true;
    badValues.push(str(podProfile, "type"));
    paths.push(["spec", "securityContext", "appArmorProfile", "type"]);
  }
  const badContainers = [];
  for (const { name, container, path: path10 } of visitContainers(pod)) {
    const profile = obj(obj(container, "securityContext"), "appArmorProfile");
    if (profile && !allowedProfileType(str(profile, "type"))) {
      badContainers.push(name);
      badValues.push(str(profile, "type"));
      paths.push(at(path10, "securityContext", "appArmorProfile", "type"));
    }
  }
  const annotations = obj(pod.metadata, "annotations");
  const badAnnotations = Object.keys(annotations ?? {}).filter((key) => key.startsWith(annotationPrefix) && !allowedAnnotationValue(str(annotations, key))).map((key) => ({ key, entry: `${key}=${goQuote(str(annotations, key))}` })).sort((a, b) => compareBytes(a.entry, b.entry));
  if (!podIsBad && badContainers.length === 0 && badAnnotations.length === 0) return null;
  const values = [...sortedSet(badValues), ...badAnnotations.map((a) => a.entry)];
  const extra = badAnnotations.length > 0 ? [plural("annotation", "annotations", badAnnotations.length)] : [];
  paths.push(...badAnnotations.map((a) => ["metadata", "annotations", a.key]));
  return {
    reason: plural("forbidden AppArmor profile", "forbidden AppArmor profiles", values.length),
    detail: `${setters(podIsBad, badContainers, extra)} must not set AppArmor profile type to ${quoteJoin(values)}`,
    paths
  };
}
var appArmorProfile = {
  id: "appArmorProfile",
  level: "baseline",
  implementations: [{ minVersion: 0, evaluate: appArmorProfileV1_0 }]
};

// src/pss/checks/capabilitiesBaseline.ts
var allowedV1_0 = /* @__PURE__ */ new Set([
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT"
]);
function capabilitiesBaselineV1_0(pod) {
  const bad = [];
  const forbidden = [];
  const paths = [];
  for (const { name, container, path: path10 } of visitContainers(pod)) {
    const capabilities = obj(obj(container, "securityContext"), "capabilities");
    let containerIsBad = false;
    list(capabilities, "add").forEach((entry, index) => {
      const capability = typeof entry === "string" ? entry : "";
      if (!allowedV1_0.has(capability)) {
        containerIsBad = true;
        forbidden.push(capability);
        paths.push(at(path10, "securityContext", "capabilities", "add", index));
      }
    });
    if (containerIsBad) bad.push(name);
  }
  if (bad.length === 0) return null;
  return {
    reason: "non-default capabilities",
    detail: `${containerList(bad)} must not include ${quoteJoin(sortedSet(forbidden))} in securityContext.capabilities.add`,
    paths
  };
}
var capabilitiesBaseline = {
  id: "capabilities_baseline",
  level: "baseline",
  implementations: [{ minVersion: 0, evaluate: capabilitiesBaselineV1_0 }]
};

// src/pss/checks/capabilitiesRestricted.ts
function capabilitiesRestrictedV1_22(pod) {
  const missingDropAll = [];
  const addingForbidden = [];
  const forbidden = [];
  const paths = [];
  for (const { name, container, path: path10 } of visitContainers(pod)) {
    const capabilities = obj(obj(container, "securityContext"), "capabilities");
    const capabilitiesPath = at(path10, "securityContext", "capabilities");
    if (!capabilities) {
      missingDropAll.push(name);
      paths.push(at(capabilitiesPath, "drop"));
      continue;
    }
    if (!list(capabilities, "drop").includes("ALL")) {
      missingDropAll.push(name);
      paths.push(at(capabilitiesPath, "drop"));
    }
    let containerAddsForbidden = false;
    list(capabilities, "add").forEach((entry, index) => {
      const capability = typeof entry === "string" ? entry : "";
      if (capability !== "NET_BIND_SERVICE") {
        containerAddsForbidden = true;
        forbidden.push(capability);
        paths.push(at(capabilitiesPath, "add", index));
      }
    });
    if (containerAddsForbidden) addingForbidden.push(name);
  }
  const details = [];
  if (missingDropAll.length > 0) {
    details.push(`${containerList(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`);
  }
  if (addingForbidden.length > 0) {
    details.push(
      `${containerList(addingForbidden)} must not include ${quoteJoin(sortedSet(forbidden))} in securityContext.capabilities.add`
    );
  }
  if (details.length === 0) return null;
  return { reason: "unrestricted capabilities", detail: details.join("; "), paths };
}
function capabilitiesRestrictedV1_25(pod) {
  if (isWindowsPod(pod)) return null;
  return capabilitiesRestrictedV1_22(pod);
}
var capabilitiesRestricted = {
  id: "capabilities_restricted",
  level: "restricted",
  implementations: [
    { minVersion: 22, overrides: ["capabilities_baseline"], evaluate: capabilitiesRestrictedV1_22 },
    { minVersion: 25, overrides: ["capabilities_baseline"], evaluate: capabilitiesRestrictedV1_25 }
  ]
};

// src/pss/checks/hostNamespaces.ts
var fields = ["hostNetwork", "hostPID", "hostIPC"];
function hostNamespacesV1_0(pod) {
  const items = [];
  const paths = [];
  for (const field of fields) {
    if (bool(pod.spec, field)) {
      items.push(`${field}=true`);
      paths.push(["spec", field]);
    }
  }
  if (items.length === 0) return null;
  return { reason: "host namespaces", detail: items.join(", "), paths };
}
var hostNamespaces = {
  id: "hostNamespaces",
  level: "baseline",
  implementations: [{ minVersion: 0, evaluate: hostNamespacesV1_0 }]
};

// src/pss/checks/hostPathVolumes.ts
function hostPathVolumesV1_0(pod) {
  const bad = [];
  const paths = [];
  list(pod.spec, "volumes").forEach((volume, index) => {
    if (!isObject(volume)) return;
    if (obj(volume, "hostPath")) {
      bad.push(str(volume, "name"));
      paths.push(["spec", "volumes", index, "hostPath"]);
    }
  });
  if (bad.length === 0) return null;
  return {
    reason: "hostPath volumes",
    detail: `${plural("volume", "volumes", bad.length)} ${quoteJoin(bad)}`,
    paths
  };
}
var hostPathVolumes = {
  id: "hostPathVolumes",
  level: "baseline",
  implementations: [{ minVersion: 0, evaluate: hostPathVolumesV1_0 }]
};

// src/pss/checks/hostPorts.ts
function hostPortsV1_0(pod) {
  const bad = [];
  const ports = [];
  const paths = [];
  for (const { name, container, path: path10 } of visitContainers(pod)) {
    let containerIsBad = false;
    list(container, "ports").forEach((port, index) => {
      if (!isObject(port)) return;
      const hostPort = int(port, "hostPort");
      if (hostPort !== 0) {
        containerIsBad = true;
        ports.push(String(hostPort));
        paths.push(at(path10, "ports", index, "hostPort"));
      }
    });
    if (containerIsBad) bad.push(name);
  }
  if (bad.length === 0) return null;
  const distinct = sortedSet(ports);
  return {
    reason: "hostPort",
    detail: [
      containerList(bad),
      plural("uses", "use", bad.length),
      plural("hostPort", "hostPorts", distinct.length),
      distinct.join(", ")
    ].join(" "),
    paths
  };
}
var hostPorts = {
  id: "hostPorts",
  level: "baseline",
  implementations: [{ minVersion: 0, evaluate: hostPortsV1_0 }]
};

// src/pss/checks/hostProbesAndHostLifecycle.ts
var probes = ["livenessProbe", "readinessProbe", "startupProbe"];
var lifecycleHandlers = ["postStart", "preStop"];
var actions = ["httpGet", "tcpSocket"];
function badHosts(handler, handlerPath) {
  const found = [];
  for (const action2 of actions) {
    const host = str(obj(handler, action2), "host");
    if (host !== "") found.push({ host, path: at(handlerPath, action2, "host") });
  }
  return found;
}
function hostProbesAndHostLifecycleV1_34(pod) {
  const bad = [];
  const hosts = [];
  const paths = [];
  for (const { name, container, path: path10 } of visitContainers(pod)) {
    const found = [
      ...probes.flatMap((probe) => badHosts(obj(container, probe), at(path10, probe))),
      ...lifecycleHandlers.flatMap(
        (handler) => badHosts(obj(obj(container, "lifecycle"), handler), at(path10, "lifecycle", handler))
      )
    ];
    if (found.length === 0) continue;
    bad.push(name);
    for (const { host, path: hostPath } of found) {
      hosts.push(host);
      paths.push(hostPath);
    }
  }
  if (bad.length === 0) return null;
  const containers = sortedSet(bad);
  const distinctHosts = sortedSet(hosts);
  return {
    reason: "probe or lifecycle host",
    detail: [
      containerList(containers),
      plural("uses", "use", containers.length),
      plural("probe or lifecycle host", "probe or lifecycle hosts", distinctHosts.length),
      quoteJoin(distinctHosts)
    ].join(" "),
    paths
  };
}
var hostProbesAndHostLifecycle = {
  id: "hostProbesAndHostLifecycle",
  level: "baseline",
  implementations: [{ minVersion: 34, evaluate: hostProbesAndHostLifecycleV1_34 }]
};

// src/pss/checks/privileged.ts
function privilegedV1_0(pod) {
  const bad = [];
  const paths = [];
  for (const { name, container, path: path10 } of visitContainers(pod)) {
    if (optBool(obj(container, "securityContext"), "privileged") === true) {
      bad.push(name);
      paths.push(at(path10, "securityContext", "privileged"));
    }
  }
  if (bad.length === 0) return null;
  return {
    reason: "privileged",
    detail: `${containerList(bad)} must not set securityContext.privileged=true`,
    paths
  };
}
var privileged = {
  id: "privileged",
  level: "baseline",
  implementations: [{ minVersion: 0, evaluate: privilegedV1_0 }]
};

// src/pss/checks/procMount.ts
function procMountStrict(pod) {
  const bad = [];
  const values = [];
  const paths = [];
  for (const { name, container, path: path10 } of visitContainers(pod)) {
    const value = obj(container, "securityContext")?.["procMount"];
    if (typeof value !== "string" || value === "Default") continue;
    bad.push(name);
    values.push(value);
    paths.push(at(path10, "securityContext", "procMount"));
  }
  if (bad.length === 0) return null;
  return {
    reason: "procMount",
    detail: `${containerList(bad)} must not set securityContext.procMount to ${quoteJoin(sortedSet(values))}`,
    paths
  };
}
function procMountV1_0(pod) {
  return procMountStrict(pod);
}
function procMountV1_35(pod) {
  if (usesUserNamespace(pod)) return null;
  return procMountStrict(pod);
}
var procMount = {
  id: "procMount",
  level: "baseline",
  implementations: [
    { minVersion: 0, evaluate: procMountV1_0 },
    { minVersion: 35, evaluate: procMountV1_35 }
  ]
};

// src/pss/checks/procMountRestricted.ts
function procMountRestrictedV1_35(pod) {
  return procMountStrict(pod);
}
var procMountRestricted = {
  id: "procMount_restricted",
  level: "restricted",
  implementations: [{ minVersion: 35, overrides: ["procMount"], evaluate: procMountRestrictedV1_35 }]
};

// src/pss/checks/restrictedVolumes.ts
var allowedVolumeSources = [
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "image",
  "persistentVolumeClaim",
  "projected",
  "secret"
];
var restrictedVolumeSources = [
  "hostPath",
  "gcePersistentDisk",
  "awsElasticBlockStore",
  "gitRepo",
  "nfs",
  "iscsi",
  "glusterfs",
  "rbd",
  "flexVolume",
  "cinder",
  "cephfs",
  "flocker",
  "fc",
  "azureFile",
  "vsphereVolume",
  "quobyte",
  "azureDisk",
  "photonPersistentDisk",
  "portworxVolume",
  "scaleIO",
  "storageos"
];
function restrictedVolumesV1_0(pod) {
  const badVolumes = [];
  const badTypes = [];
  const paths = [];
  list(pod.spec, "volumes").forEach((volume, index) => {
    if (!isObject(volume)) return;
    if (allowedVolumeSources.some((key) => obj(volume, key) !== void 0)) return;
    badVolumes.push(str(volume, "name"));
    const type = restrictedVolumeSources.find((key) => obj(volume, key) !== void 0);
    if (type === void 0) {
      badTypes.push("unknown");
      paths.push(["spec", "volumes", index]);
    } else {
      badTypes.push(type);
      paths.push(["spec", "volumes", index, type]);
    }
  });
  if (badVolumes.length === 0) return null;
  const types = sortedSet(badTypes);
  return {
    reason: "restricted volume types",
    detail: [
      plural("volume", "volumes", badVolumes.length),
      quoteJoin(badVolumes),
      plural("uses", "use", badVolumes.length),
      plural("restricted volume type", "restricted volume types", types.length),
      quoteJoin(types)
    ].join(" "),
    paths
  };
}
var restrictedVolumes = {
  id: "restrictedVolumes",
  level: "restricted",
  implementations: [{ minVersion: 0, overrides: ["hostPathVolumes"], evaluate: restrictedVolumesV1_0 }]
};

// src/pss/checks/runAsNonRoot.ts
var reason = "runAsNonRoot != true";
function runAsNonRootV1_0(pod) {
  const podValue = optBool(obj(pod.spec, "securityContext"), "runAsNonRoot");
  const podIsBad = podValue === false;
  const podCovers = podValue === true;
  const explicitPaths = podIsBad ? [["spec", "securityContext", "runAsNonRoot"]] : [];
  const explicitlyBad = [];
  const implicitlyBad = [];
  const implicitPaths = [];
  for (const { name, container, path: path10 } of visitContainers(pod)) {
    const value = optBool(obj(container, "securityContext"), "runAsNonRoot");
    if (value === false) {
      explicitlyBad.push(name);
      explicitPaths.push(at(path10, "securityContext", "runAsNonRoot"));
    } else if (value === void 0 && !podCovers) {
      implicitlyBad.push(name);
      implicitPaths.push(at(path10, "securityContext", "runAsNonRoot"));
    }
  }
  if (podIsBad || explicitlyBad.length > 0) {
    return {
      reason,
      detail: `${setters(podIsBad, explicitlyBad)} must not set securityContext.runAsNonRoot=false`,
      paths: explicitPaths
    };
  }
  if (implicitlyBad.length > 0) {
    return {
      reason,
      detail: `pod or ${containerList(implicitlyBad)} must set securityContext.runAsNonRoot=true`,
      paths: implicitPaths
    };
  }
  return null;
}
function runAsNonRootV1_35(pod) {
  if (usesUserNamespace(pod)) return null;
  return runAsNonRootV1_0(pod);
}
var runAsNonRoot = {
  id: "runAsNonRoot",
  level: "restricted",
  implementations: [
    { minVersion: 0, evaluate: runAsNonRootV1_0 },
    { minVersion: 35, evaluate: runAsNonRootV1_35 }
  ]
};

// src/pss/checks/runAsUser.ts
function runAsUserV1_23(pod) {
  const paths = [];
  const podIsBad = optInt(obj(pod.spec, "securityContext"), "runAsUser") === 0;
  if (podIsBad) paths.push(["spec", "securityContext", "runAsUser"]);
  const bad = [];
  for (const { name, container, path: path10 } of visitContainers(pod)) {
    if (optInt(obj(container, "securityContext"), "runAsUser") === 0) {
      bad.push(name);
      paths.push(at(path10, "securityContext", "runAsUser"));
    }
  }
  if (!podIsBad && bad.length === 0) return null;
  return {
    reason: "runAsUser=0",
    detail: `${setters(podIsBad, bad)} must not set runAsUser=0`,
    paths
  };
}
function runAsUserV1_35(pod) {
  if (usesUserNamespace(pod)) return null;
  return runAsUserV1_23(pod);
}
var runAsUser = {
  id: "runAsUser",
  level: "restricted",
  implementations: [
    { minVersion: 23, evaluate: runAsUserV1_23 },
    { minVersion: 35, evaluate: runAsUserV1_35 }
  ]
};

// src/pss/checks/seLinuxOptions.ts
var allowedTypesV1_0 = /* @__PURE__ */ new Set(["", "container_t", "container_init_t", "container_kvm_t"]);
var allowedTypesV1_31 = /* @__PURE__ */ new Set([...allowedTypesV1_0, "container_engine_t"]);
function seLinuxOptionsWith(pod, allowedTypes) {
  const badTypes = [];
  let setUser = false;
  let setRole = false;
  const paths = [];
  const judge2 = (options, optionsPath) => {
    let valid = true;
    const type = str(options, "type");
    if (!allowedTypes.has(type)) {
      valid = false;
      badTypes.push(type);
      paths.push(at(optionsPath, "type"));
    }
    if (str(options, "user") !== "") {
      valid = false;
      setUser = true;
      paths.push(at(optionsPath, "user"));
    }
    if (str(options, "role") !== "") {
      valid = false;
      setRole = true;
      paths.push(at(optionsPath, "role"));
    }
    return valid;
  };
  let podIsBad = false;
  const podOptions = obj(obj(pod.spec, "securityContext"), "seLinuxOptions");
  if (podOptions !== void 0) {
    podIsBad = !judge2(podOptions, ["spec", "securityContext", "seLinuxOptions"]);
  }
  const bad = [];
  for (const { name, container, path: path10 } of visitContainers(pod)) {
    const options = obj(obj(container, "securityContext"), "seLinuxOptions");
    if (options !== void 0 && !judge2(options, at(path10, "securityContext", "seLinuxOptions"))) {
      bad.push(name);
    }
  }
  if (!podIsBad && bad.length === 0) return null;
  const parts = [];
  const types = sortedSet(badTypes);
  if (types.length > 0) parts.push(`${plural("type", "types", types.length)} ${quoteJoin(types)}`);
  if (setUser) parts.push("user may not be set");
  if (setRole) parts.push("role may not be set");
  return {
    reason: "seLinuxOptions",
    detail: `${setters(podIsBad, bad)} set forbidden securityContext.seLinuxOptions: ${parts.join("; ")}`,
    paths
  };
}
function seLinuxOptionsV1_0(pod) {
  return seLinuxOptionsWith(pod, allowedTypesV1_0);
}
function seLinuxOptionsV1_31(pod) {
  return seLinuxOptionsWith(pod, allowedTypesV1_31);
}
var seLinuxOptions = {
  id: "seLinuxOptions",
  level: "baseline",
  implementations: [
    { minVersion: 0, evaluate: seLinuxOptionsV1_0 },
    { minVersion: 31, evaluate: seLinuxOptionsV1_31 }
  ]
};

// src/pss/checks/seccompProfileBaseline.ts
var reason2 = "seccompProfile";
var annotationKeyPod = "seccomp.security.alpha.kubernetes.io/pod";
var annotationKeyContainerPrefix = "container.seccomp.security.alpha.kubernetes.io/";
function validAnnotationValue(value) {
  return value === "runtime/default" || value === "docker/default" || value.startsWith("localhost/");
}
function seccompProfileBaselineV1_0(pod) {
  const annotations = obj(pod.metadata, "annotations");
  const forbidden = /* @__PURE__ */ new Map();
  const inspect = (key) => {
    const value = annotations?.[key];
    if (typeof value !== "string" || validAnnotationValue(value)) return;
    const entry = `${key}=${goQuote(value)}`;
    if (!forbidden.has(entry)) forbidden.set(entry, ["metadata", "annotations", key]);
  };
  inspect(annotationKeyPod);
  for (const { name } of visitContainers(pod)) inspect(annotationKeyContainerPrefix + name);
  if (forbidden.size === 0) return null;
  const entries2 = sortedSet(forbidden.keys());
  return {
    reason: reason2,
    detail: `forbidden ${plural("annotation", "annotations", entries2.length)} ${entries2.join(", ")}`,
    paths: entries2.map((entry) => forbidden.get(entry) ?? [])
  };
}
function validType(type) {
  return type === "RuntimeDefault" || type === "Localhost";
}
function seccompProfileBaselineV1_19(pod) {
  const badValues = [];
  const paths = [];
  let podIsBad = false;
  const podProfile = obj(obj(pod.spec, "securityContext"), "seccompProfile");
  if (podProfile !== void 0 && !validType(str(podProfile, "type"))) {
    podIsBad = true;
    badValues.push(str(podProfile, "type"));
    paths.push(["spec", "securityContext", "seccompProfile", "type"]);
  }
  const bad = [];
  for (const { name, container, path: path10 } of visitContainers(pod)) {
    const profile = obj(obj(container, "securityContext"), "seccompProfile");
    if (profile !== void 0 && !validType(str(profile, "type"))) {
      bad.push(name);
      badValues.push(str(profile, "type"));
      paths.push(at(path10, "securityContext", "seccompProfile", "type"));
    }
  }
  if (!podIsBad && bad.length === 0) return null;
  return {
    reason: reason2,
    detail: `${setters(podIsBad, bad)} must not set securityContext.seccompProfile.type to ${quoteJoin(sortedSet(badValues))}`,
    paths
  };
}
var seccompProfileBaseline = {
  id: "seccompProfile_baseline",
  level: "baseline",
  implementations: [
    { minVersion: 0, evaluate: seccompProfileBaselineV1_0 },
    { minVersion: 19, evaluate: seccompProfileBaselineV1_19 }
  ]
};

// src/pss/checks/seccompProfileRestricted.ts
var reason3 = "seccompProfile";
function validType2(type) {
  return type === "RuntimeDefault" || type === "Localhost";
}
function seccompProfileRestrictedV1_19(pod) {
  const badValues = [];
  const explicitPaths = [];
  let podIsBad = false;
  let podCovers = false;
  const podProfile = obj(obj(pod.spec, "securityContext"), "seccompProfile");
  if (podProfile !== void 0) {
    const type = str(podProfile, "type");
    if (validType2(type)) {
      podCovers = true;
    } else {
      podIsBad = true;
      badValues.push(type);
      explicitPaths.push(["spec", "securityContext", "seccompProfile", "type"]);
    }
  }
  const explicitlyBad = [];
  const implicitlyBad = [];
  const implicitPaths = [];
  for (const { name, container, path: path10 } of visitContainers(pod)) {
    const profile = obj(obj(container, "securityContext"), "seccompProfile");
    if (profile !== void 0) {
      const type = str(profile, "type");
      if (!validType2(type)) {
        explicitlyBad.push(name);
        badValues.push(type);
        explicitPaths.push(at(path10, "securityContext", "seccompProfile", "type"));
      }
    } else if (!podCovers) {
      implicitlyBad.push(name);
      implicitPaths.push(at(path10, "securityContext", "seccompProfile", "type"));
    }
  }
  if (podIsBad || explicitlyBad.length > 0) {
    return {
      reason: reason3,
      detail: `${setters(podIsBad, explicitlyBad)} must not set securityContext.seccompProfile.type to ${quoteJoin(sortedSet(badValues))}`,
      paths: explicitPaths
    };
  }
  if (implicitlyBad.length > 0) {
    return {
      reason: reason3,
      detail: `pod or ${containerList(implicitlyBad)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
      paths: implicitPaths
    };
  }
  return null;
}
function seccompProfileRestrictedV1_25(pod) {
  if (isWindowsPod(pod)) return null;
  return seccompProfileRestrictedV1_19(pod);
}
var seccompProfileRestricted = {
  id: "seccompProfile_restricted",
  level: "restricted",
  implementations: [
    { minVersion: 19, overrides: ["seccompProfile_baseline"], evaluate: seccompProfileRestrictedV1_19 },
    { minVersion: 25, overrides: ["seccompProfile_baseline"], evaluate: seccompProfileRestrictedV1_25 }
  ]
};

// src/pss/checks/sysctls.ts
var allowedV1_02 = /* @__PURE__ */ new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_unprivileged_port_start"
]);
var allowedV1_27 = /* @__PURE__ */ new Set([...allowedV1_02, "net.ipv4.ip_local_reserved_ports"]);
var allowedV1_29 = /* @__PURE__ */ new Set([
  ...allowedV1_27,
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes"
]);
var allowedV1_32 = /* @__PURE__ */ new Set([...allowedV1_29, "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"]);
var allowedV1_37 = /* @__PURE__ */ new Set([
  ...allowedV1_32,
  "net.ipv4.tcp_slow_start_after_idle",
  "net.ipv4.tcp_notsent_lowat"
]);
function sysctlsWith(pod, allowed) {
  const forbidden = [];
  const paths = [];
  list(obj(pod.spec, "securityContext"), "sysctls").forEach((sysctl, index) => {
    if (!isObject(sysctl)) return;
    const name = str(sysctl, "name");
    if (allowed.has(name)) return;
    forbidden.push(name);
    paths.push(["spec", "securityContext", "sysctls", index, "name"]);
  });
  if (forbidden.length === 0) return null;
  return { reason: "forbidden sysctls", detail: forbidden.join(", "), paths };
}
function sysctlsV1_0(pod) {
  return sysctlsWith(pod, allowedV1_02);
}
function sysctlsV1_27(pod) {
  return sysctlsWith(pod, allowedV1_27);
}
function sysctlsV1_29(pod) {
  return sysctlsWith(pod, allowedV1_29);
}
function sysctlsV1_32(pod) {
  return sysctlsWith(pod, allowedV1_32);
}
function sysctlsV1_37(pod) {
  return sysctlsWith(pod, allowedV1_37);
}
var sysctls = {
  id: "sysctls",
  level: "baseline",
  implementations: [
    { minVersion: 0, evaluate: sysctlsV1_0 },
    { minVersion: 27, evaluate: sysctlsV1_27 },
    { minVersion: 29, evaluate: sysctlsV1_29 },
    { minVersion: 32, evaluate: sysctlsV1_32 },
    { minVersion: 37, evaluate: sysctlsV1_37 }
  ]
};

// src/pss/checks/windowsHostProcess.ts
function hostProcess(securityContext) {
  return optBool(obj(securityContext, "windowsOptions"), "hostProcess") === true;
}
function windowsHostProcessV1_0(pod) {
  const paths = [];
  const podIsBad = hostProcess(obj(pod.spec, "securityContext"));
  if (podIsBad) paths.push(["spec", "securityContext", "windowsOptions", "hostProcess"]);
  const bad = [];
  for (const { name, container, path: path10 } of visitContainers(pod)) {
    if (hostProcess(obj(container, "securityContext"))) {
      bad.push(name);
      paths.push(at(path10, "securityContext", "windowsOptions", "hostProcess"));
    }
  }
  if (!podIsBad && bad.length === 0) return null;
  return {
    reason: "hostProcess",
    detail: `${setters(podIsBad, bad)} must not set securityContext.windowsOptions.hostProcess=true`,
    paths
  };
}
var windowsHostProcess = {
  id: "windowsHostProcess",
  level: "baseline",
  implementations: [{ minVersion: 0, evaluate: windowsHostProcessV1_0 }]
};

// src/pss/registry.ts
var allChecks = [
  allowPrivilegeEscalation,
  appArmorProfile,
  capabilitiesBaseline,
  capabilitiesRestricted,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  hostProbesAndHostLifecycle,
  privileged,
  procMount,
  procMountRestricted,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seLinuxOptions,
  seccompProfileBaseline,
  seccompProfileRestricted,
  sysctls,
  windowsHostProcess
];
function validate(checks2) {
  const ids = /* @__PURE__ */ new Set();
  for (const check of checks2) {
    if (ids.has(check.id)) throw new Error(`duplicate check ${check.id}`);
    ids.add(check.id);
    if (check.implementations.length === 0) throw new Error(`check ${check.id} has no implementation`);
    let previous = -1;
    for (const impl of check.implementations) {
      if (impl.minVersion <= previous) throw new Error(`check ${check.id}: implementations must be in increasing version order`);
      previous = impl.minVersion;
      if (impl.overrides && check.level !== "restricted") throw new Error(`check ${check.id}: only restricted checks override`);
    }
  }
  for (const check of checks2) {
    for (const impl of check.implementations) {
      for (const overridden of impl.overrides ?? []) {
        const target = checks2.find((c) => c.id === overridden);
        if (target?.level !== "baseline") throw new Error(`check ${check.id} overrides unknown baseline check ${overridden}`);
      }
    }
  }
}
validate(allChecks);
var maxVersion = Math.max(...allChecks.flatMap((c) => c.implementations.map((i) => i.minVersion)));
var evaluationOrder = [
  ...allChecks.filter((c) => c.level === "baseline").sort((a, b) => compareBytes(a.id, b.id)),
  ...allChecks.filter((c) => c.level === "restricted").sort((a, b) => compareBytes(a.id, b.id))
];
function implementationAt(check, minor) {
  let chosen;
  for (const impl of check.implementations) {
    if (impl.minVersion <= minor) chosen = impl;
  }
  return chosen;
}
function effectiveMinor(version4) {
  return version4 === "latest" || version4 > maxVersion ? maxVersion : Number(version4);
}
function resolve(level3, minor) {
  if (level3 === "privileged") return [];
  const active = evaluationOrder.filter((check) => check.level === "baseline" || level3 === "restricted").flatMap((check) => {
    const implementation = implementationAt(check, minor);
    return implementation ? [{ id: check.id, level: check.level, implementation }] : [];
  });
  if (level3 === "baseline") return active;
  const overridden = new Set(active.flatMap((check) => check.implementation.overrides ?? []));
  return active.filter((check) => !overridden.has(check.id));
}
var cache = /* @__PURE__ */ new Map();
function checksFor(level3, version4) {
  const minor = effectiveMinor(version4);
  const key = `${level3}:${minor}`;
  let checks2 = cache.get(key);
  if (!checks2) {
    checks2 = resolve(level3, minor);
    cache.set(key, checks2);
  }
  return checks2;
}

// src/policy/checkIds.ts
var checkIds = allChecks.map((check) => check.id).sort(compareBytes);
var known = new Set(checkIds);
function isCheckId(text3) {
  return known.has(text3);
}
function fold(text3) {
  return text3.toLowerCase().replace(/[-_\s]/g, "");
}
function suggestCheckIds(text3) {
  const folded = fold(text3);
  if (folded === "") return [];
  const exact = checkIds.find((id) => fold(id) === folded);
  if (exact) return [exact];
  const stems = checkIds.filter((id) => fold(id).startsWith(folded) && /^(baseline|restricted)$/.test(fold(id).slice(folded.length)));
  if (stems.length > 0) return stems;
  const near = closest(text3, checkIds);
  return near ? [near] : [];
}
function unknownCheckText(text3) {
  const suggestions = suggestCheckIds(text3);
  const hint2 = suggestions.length > 0 ? ` (did you mean ${suggestions.map((s) => `"${s}"`).join(" or ")}?)` : "";
  return `unknown check${hint2}; valid checks: ${checkIds.join(", ")}`;
}
function invalidCheckMessage(text3) {
  return `${JSON.stringify(text3)}: ${unknownCheckText(text3)}`;
}
function closest(text3, candidates) {
  const limit = Math.max(1, Math.min(3, Math.floor(text3.length / 4)));
  let best = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(text3.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

// src/policy/annotations.ts
var annotationPrefix2 = "pod-security-review/";
var optOutAnnotations = {
  ignore: `${annotationPrefix2}ignore`,
  reason: `${annotationPrefix2}reason`,
  expires: `${annotationPrefix2}expires`
};
var knownAnnotations = Object.values(optOutAnnotations);
var isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
function isCalendarDate(text3) {
  const match2 = isoDate.exec(text3);
  if (!match2) return false;
  const [year, month, day] = [Number(match2[1]), Number(match2[2]), Number(match2[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && year % 100 !== 0 || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}
function placeName(place, kind) {
  return place === "template" ? `the pod template of the ${kind}` : `the ${kind}`;
}
function readOptOut(annotations, place, context) {
  const problems = [];
  const where2 = placeName(place, context.kind);
  const problem = (kind, annotation, message2) => problems.push({ kind, place, annotation, message: `${annotation} on ${where2}: ${message2}` });
  for (const key of Object.keys(annotations)) {
    if (key.startsWith(annotationPrefix2) && !knownAnnotations.includes(key)) {
      problem("unknown-annotation", key, `unknown annotation; valid: ${knownAnnotations.join(", ")}`);
    }
  }
  const ignore = Object.hasOwn(annotations, optOutAnnotations.ignore) ? annotations[optOutAnnotations.ignore] : void 0;
  const reasonText = annotations[optOutAnnotations.reason];
  const expiresText = annotations[optOutAnnotations.expires];
  if (ignore === void 0) {
    for (const key of [optOutAnnotations.reason, optOutAnnotations.expires]) {
      if (Object.hasOwn(annotations, key)) problem("unused-annotation", key, `has no effect without ${optOutAnnotations.ignore} next to it`);
    }
    return { optOuts: [], problems };
  }
  const names = ignore.split(",").map((name) => name.trim()).filter((name) => name !== "");
  const checks2 = [...new Set(names.filter(isCheckId))];
  const reason4 = reasonText !== void 0 && reasonText.trim() !== "" ? reasonText.trim() : null;
  const expires = expiresText !== void 0 && isCalendarDate(expiresText.trim()) ? expiresText.trim() : null;
  if (context.strict) {
    const message2 = `not honoured: ${context.strict} disallows annotation opt-outs`;
    problem("strict", optOutAnnotations.ignore, message2);
    return { optOuts: [{ place, checks: checks2, reason: reason4, expires, status: "strict", message: message2 }], problems };
  }
  for (const name of names.filter((n) => !isCheckId(n))) problem("invalid-check", optOutAnnotations.ignore, invalidCheckMessage(name));
  if (names.length === 0) {
    problem("empty-ignore", optOutAnnotations.ignore, `names no check; write e.g. "hostPorts,privileged" (valid checks: ${checkIds.join(", ")})`);
  }
  let status = "honoured";
  let message = reason4 === null ? "" : `ignored on ${where2}: ${reason4}`;
  if (reason4 === null) {
    status = "missing-reason";
    message = `not honoured: ${optOutAnnotations.ignore} on ${where2} has no ${optOutAnnotations.reason}`;
    problem(
      "missing-reason",
      optOutAnnotations.ignore,
      `not honoured: ${optOutAnnotations.reason} is mandatory next to it (say why the checks may fail)`
    );
  } else if (expiresText !== void 0 && expires === null) {
    status = "invalid-expires";
    message = `not honoured: ${optOutAnnotations.expires} ${JSON.stringify(expiresText)} on ${where2} is not a date YYYY-MM-DD`;
    const text3 = JSON.stringify(expiresText);
    problem("invalid-expires", optOutAnnotations.expires, `${text3} is not a date written YYYY-MM-DD; the opt-out is not honoured`);
  } else if (expires !== null && context.today >= expires) {
    status = "expired";
    message = `the opt-out on ${where2} expired on ${expires} (reason was: ${reason4})`;
    problem("expired", optOutAnnotations.expires, `the opt-out expired on ${expires}; the findings it ignored are reported again`);
  } else if (expires !== null) {
    message += ` (until ${expires})`;
  }
  return { optOuts: [{ place, checks: checks2, reason: reason4, expires, status, message }], problems };
}

// src/policy/config.ts
var import_yaml6 = __toESM(require_dist(), 1);

// src/locate/locate.ts
var import_yaml5 = __toESM(require_dist(), 1);
function locate(source, path10) {
  const { lineCounter } = source;
  const position2 = (offset, exact) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col, exact };
  };
  return source.place === void 0 ? walkTree(source, path10, position2) : walkPlaces(source.place, path10, position2);
}
function walkPlaces(root, path10, position2) {
  let place = root;
  let anchor = placeOffset(root);
  for (const segment of path10) {
    const children = typeof place === "number" ? void 0 : place.children;
    let next;
    if (typeof segment === "string" && children instanceof Map) next = children.get(segment);
    else if (typeof segment === "number" && Array.isArray(children)) next = children[segment];
    if (next === void 0) return position2(anchor, false);
    anchor = placeOffset(next);
    place = next;
  }
  return position2(anchor, true);
}
function walkTree(source, path10, position2) {
  const { doc } = source;
  let node = doc.contents;
  let anchor = doc.contents?.range?.[0] ?? 0;
  for (const segment of path10) {
    node = resolved(doc, node);
    let next;
    let offset;
    if (typeof segment === "string" && (0, import_yaml5.isMap)(node)) {
      const entry = effectiveEntries(node, doc).get(segment);
      if (entry) {
        next = entry.value;
        offset = entry.pair.key?.range?.[0];
      }
    } else if (typeof segment === "number" && (0, import_yaml5.isSeq)(node)) {
      next = node.items[segment];
      offset = next?.range?.[0];
    }
    if (offset === void 0) return position2(anchor, false);
    anchor = offset;
    node = next;
  }
  return position2(anchor, true);
}

// src/pss/paths.ts
var identifier = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
function formatFieldPath(path10) {
  let out = "";
  for (const segment of path10) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (identifier.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
function parseFieldPath(text3) {
  const path10 = [];
  const pattern = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[]+)/g;
  for (let match2 = pattern.exec(text3); match2 !== null; match2 = pattern.exec(text3)) {
    if (match2[1] !== void 0) path10.push(Number(match2[1]));
    else if (match2[2] !== void 0) path10.push(JSON.parse(match2[2]));
    else if (match2[3] !== void 0) path10.push(match2[3]);
  }
  return path10;
}

// src/policy/sources/extraChecks.ts
var pspCheckId = "psp.removed";
var policyChangeCheckId = "policy.relaxed";
var adviceCheckIds = [
  "advice.readOnlyRootFilesystem",
  "advice.automountServiceAccountToken",
  "advice.highUid",
  "advice.dropNetRaw",
  "advice.imageDigest",
  "advice.resourceLimits"
];
var extraCheckIds = [pspCheckId, policyChangeCheckId, ...adviceCheckIds];
var extraWhyItMatters = {
  "psp.removed": "The pods this policy was meant to restrict are checked by nothing until namespace labels (Pod Security Admission) or an admission policy take over.",
  "policy.relaxed": "A pull request that lowers the bar it is judged by must not pass on its own say-so: someone allowed to relax the policy approves the change explicitly.",
  "advice.readOnlyRootFilesystem": "A writable root file system lets an intruder drop tools and persist changes inside the container.",
  "advice.automountServiceAccountToken": "A mounted service account token lets anyone who gets into the container talk to the Kubernetes API as the pod.",
  "advice.highUid": "A UID or GID above 10000 cannot collide with the accounts of the node, so an escape does not land on a real user.",
  "advice.dropNetRaw": "NET_RAW lets a container forge packets and spoof addresses on the node network; the baseline level still allows it.",
  "advice.imageDigest": "A tag can be moved to another image; only a digest pins what runs.",
  "advice.resourceLimits": "Without CPU and memory limits one container can starve every other pod on its node."
};

// src/policy/sources/adviceConfig.ts
var configurable = ["all", pspCheckId, ...adviceCheckIds];
var adviceKeys = ["enable", "disable", "blocking"];
function parseAdvice(reader, value) {
  const path10 = ["advice"];
  const map = reader.map(value, path10, adviceKeys);
  if (!map) return void 0;
  const ids = (key) => {
    const entries2 = reader.strings(map, key, path10, (item) => configurable.includes(item) ? { ok: true } : { ok: false, message: `unknown check; valid: ${configurable.join(", ")}` }, true) ?? [];
    return [...new Set(entries2.flatMap((e) => e.value === "all" ? [...adviceCheckIds] : [e.value]))];
  };
  return { enable: ids("enable"), disable: ids("disable"), blocking: ids("blocking") };
}
function extraChecksFor(settings, allAdvice) {
  const enabled = /* @__PURE__ */ new Set([pspCheckId, ...allAdvice ? adviceCheckIds : [], ...settings?.enable ?? [], ...settings?.blocking ?? []]);
  for (const id of settings?.disable ?? []) enabled.delete(id);
  return { enabled, blocking: new Set((settings?.blocking ?? []).filter((id) => enabled.has(id))) };
}

// src/policy/stricter.ts
var optOutsRules = ["base-only", "any", "none"];
var policyChangesRules = ["block", "warn"];
function compareVersions(a, b) {
  if (a === b) return 0;
  if (a === "latest") return 1;
  if (b === "latest") return -1;
  return BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
}
function isLaxer(a, b) {
  const rank = levelRank(a.level) - levelRank(b.level);
  if (rank !== 0) return rank < 0;
  return a.level !== "privileged" && compareVersions(a.version, b.version) < 0;
}
function atBase(source) {
  return { ...source, detail: `${source.detail}, at the base commit` };
}
function stricterMode(base, baseSource, head, headSource) {
  const rank = levelRank(head.level) - levelRank(base.level);
  const fromHead = rank > 0 || rank === 0 && (head.level === "privileged" || compareVersions(head.version, base.version) >= 0);
  return fromHead ? { lv: head, source: headSource } : { lv: base, source: atBase(baseSource) };
}
function sameDisable(a, b) {
  return a.check === b.check && (b.images === null || a.at === b.at);
}
function reviewOptOuts(head, base, rule) {
  if (rule !== "base-only") return { optOuts: head, added: [] };
  const atBaseChecks = new Set(base.filter((o) => o.status === "honoured").flatMap((o) => o.checks));
  const optOuts = [];
  const added = [];
  for (const optOut of head) {
    const fresh2 = optOut.status === "honoured" ? optOut.checks.filter((c) => !atBaseChecks.has(c)) : [];
    if (fresh2.length === 0) {
      optOuts.push(optOut);
      continue;
    }
    const kept = optOut.checks.filter((c) => atBaseChecks.has(c));
    if (kept.length > 0) optOuts.push({ ...optOut, checks: kept });
    const message = `not honoured: the pull request adds this opt-out, and opt-outs: base-only honours only those already at the base commit`;
    optOuts.push({ ...optOut, checks: fresh2, status: "added", message });
    added.push({ optOut, checks: fresh2 });
  }
  return { optOuts, added };
}
function stricterPolicy(base, head, optOuts) {
  const enforce = stricterMode(base.enforce, base.levelSource, head.enforce, head.levelSource);
  const warn = stricterMode(base.warn, base.warnSource, head.warn, head.warnSource);
  let audit = null;
  if (base.audit && base.auditSource && head.audit && head.auditSource) audit = stricterMode(base.audit, base.auditSource, head.audit, head.auditSource);
  else if (head.audit && head.auditSource) audit = { lv: head.audit, source: head.auditSource };
  else if (base.audit && base.auditSource) audit = { lv: base.audit, source: atBase(base.auditSource) };
  const preview = enforce.lv.level === "privileged" ? null : head.preview ?? base.preview;
  return {
    ...head,
    enforce: enforce.lv,
    levelSource: enforce.source,
    warn: warn.lv,
    warnSource: warn.source,
    audit: audit?.lv ?? null,
    auditSource: audit?.source ?? null,
    preview: preview && compareVersions(preview.version, enforce.lv.version) !== 0 ? preview : null,
    exemption: base.exemption && head.exemption ? head.exemption : null,
    disabled: head.disabled.filter((d) => base.disabled.some((b) => sameDisable(d, b))),
    optOuts
  };
}
function relaxationsOf(base, head) {
  const out = [];
  if (isLaxer(head.enforce, base.enforce)) out.push(`enforced level ${formatLevelVersion(base.enforce)} becomes ${formatLevelVersion(head.enforce)}`);
  if (isLaxer(head.warn, base.warn)) out.push(`warn level ${formatLevelVersion(base.warn)} becomes ${formatLevelVersion(head.warn)}`);
  if (head.exemption && !base.exemption) out.push(`it becomes exempt: ${head.exemption.message}`);
  const disabled = [...new Set(head.disabled.filter((d) => !base.disabled.some((b) => sameDisable(d, b))).map((d) => d.check))];
  if (disabled.length > 0) out.push(`${disabled.join(", ")} ${disabled.length === 1 ? "becomes" : "become"} disabled`);
  return out;
}
function samePolicy(a, b) {
  const honoured = (p) => [...new Set(p.optOuts.filter((o) => o.status === "honoured").flatMap((o) => o.checks))].sort().join();
  const disabled = (p) => [...new Set(p.disabled.map((d) => `${d.check}@${d.at.line}`))].sort().join();
  return formatLevelVersion(a.enforce) === formatLevelVersion(b.enforce) && formatLevelVersion(a.warn) === formatLevelVersion(b.warn) && (a.audit ? formatLevelVersion(a.audit) : "") === (b.audit ? formatLevelVersion(b.audit) : "") && (a.exemption?.message ?? "") === (b.exemption?.message ?? "") && disabled(a) === disabled(b) && honoured(a) === honoured(b);
}
function changeRules(config, overrides) {
  return {
    optOuts: overrides.optOuts ?? config.optOuts?.value ?? "base-only",
    policyChanges: overrides.policyChanges ?? config.policyChanges?.value ?? "block"
  };
}

// node_modules/balanced-match/dist/esm/index.js
var range = (a, b, str2) => {
  let begs, beg, left, right = void 0, result;
  let ai = str2.indexOf(a);
  let bi = str2.indexOf(b, ai + 1);
  let i = ai;
  if (ai >= 0 && bi > 0) {
    if (a === b) {
      return [ai, bi];
    }
    begs = [];
    left = str2.length;
    while (i >= 0 && !result) {
      if (i === ai) {
        begs.push(i);
        ai = str2.indexOf(a, i + 1);
      } else if (begs.length === 1) {
        const r = begs.pop();
        if (r !== void 0)
          result = [r, bi];
      } else {
        beg = begs.pop();
        if (beg !== void 0 && beg < left) {
          left = beg;
          right = bi;
        }
        bi = str2.indexOf(b, i + 1);
      }
      i = ai < bi && ai >= 0 ? ai : bi;
    }
    if (begs.length && right !== void 0) {
      result = [left, right];
    }
  }
  return result;
};

// node_modules/brace-expansion/dist/esm/index.js
var escSlash = "\0SLASH" + Math.random().toFixed(16) + "\0";
var escOpen = "\0OPEN" + Math.random().toFixed(16) + "\0";
var escClose = "\0CLOSE" + Math.random().toFixed(16) + "\0";
var escComma = "\0COMMA" + Math.random().toFixed(16) + "\0";
var escPeriod = "\0PERIOD" + Math.random().toFixed(16) + "\0";
var escSlashPattern = new RegExp(escSlash, "g");
var escOpenPattern = new RegExp(escOpen, "g");
var escClosePattern = new RegExp(escClose, "g");
var escCommaPattern = new RegExp(escComma, "g");
var escPeriodPattern = new RegExp(escPeriod, "g");
var slashPattern = /\\\\/g;
var openPattern = /\\{/g;
var closePattern = /\\}/g;
var commaPattern = /\\,/g;
var periodPattern = /\\\./g;
var EXPANSION_MAX = 1e5;
var EXPANSION_MAX_LENGTH = 4e6;
var EXPANSION_MAX_DEPTH = 1e3;
var EXPANSION_MAX_REWRITES = 1e3;
var EXPANSION_MAX_STEPS = 2e7;
var CALL_STEPS = 16;
function numeric(str2) {
  return !isNaN(str2) ? parseInt(str2, 10) : str2.charCodeAt(0);
}
function escapeBraces(str2) {
  return str2.replace(slashPattern, escSlash).replace(openPattern, escOpen).replace(closePattern, escClose).replace(commaPattern, escComma).replace(periodPattern, escPeriod);
}
function unescapeBraces(str2) {
  return str2.replace(escSlashPattern, "\\").replace(escOpenPattern, "{").replace(escClosePattern, "}").replace(escCommaPattern, ",").replace(escPeriodPattern, ".");
}
function pushAll(target, items) {
  for (let i = 0; i < items.length; i++) {
    target.push(items[i]);
  }
}
function balancedWithBudget(str2, masked, budget) {
  if (budget.remaining < 0) {
    return void 0;
  }
  const r = range("{", "}", masked);
  const unmatched = r !== void 0 && masked.indexOf("{") < r[0];
  budget.remaining -= r && !unmatched ? r[1] + 1 : str2.length;
  if (!r || budget.remaining < 0) {
    return void 0;
  }
  return {
    end: r[1],
    pre: str2.slice(0, r[0]),
    body: str2.slice(r[0] + 1, r[1]),
    post: str2.slice(r[1] + 1),
    unmatched
  };
}
function maskUnmatchedOpens(masked, budget) {
  budget.remaining -= masked.length;
  const open = [];
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    if (c === 123) {
      open.push(i);
    } else if (c === 125 && open.length) {
      open.pop();
    }
  }
  let out = "";
  let last = 0;
  for (let i = 0; i < open.length; i++) {
    const at3 = open[i];
    out += masked.slice(last, at3) + "\0";
    last = at3 + 1;
  }
  return out + masked.slice(last);
}
function commaSetFollows(str2, budget) {
  budget.remaining -= str2.length;
  if (budget.remaining < 0) {
    return false;
  }
  let close = false;
  for (let i = str2.length - 1; i >= 0; i--) {
    const c = str2.charCodeAt(i);
    if (c === 125) {
      close = true;
    } else if (c === 10 || c === 13 || c === 8232 || c === 8233) {
      close = false;
    } else if (c === 44 && close && str2.charCodeAt(i + 1) !== 44) {
      return true;
    }
  }
  return false;
}
function parseCommaParts(str2, budget) {
  const parts = [];
  let carry = "";
  for (; ; ) {
    const m = balancedWithBudget(str2, str2, budget);
    if (budget.remaining < 0) {
      return void 0;
    }
    if (!m) {
      const tail = str2.split(",");
      tail[0] = carry + tail[0];
      pushAll(parts, tail);
      return parts;
    }
    const { pre, body, post } = m;
    const p = pre.split(",");
    p[0] = carry + p[0];
    p[p.length - 1] += "{" + body + "}";
    if (!post.length) {
      pushAll(parts, p);
      return parts;
    }
    carry = p.pop();
    pushAll(parts, p);
    str2 = post;
  }
}
function bound(value, fallback) {
  return value === void 0 || isNaN(value) ? fallback : value;
}
function expand(str2, options = {}) {
  if (!str2) {
    return [];
  }
  const max = bound(options.max, EXPANSION_MAX);
  const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
  const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
  const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
  const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
  if (str2.slice(0, 2) === "{}") {
    str2 = "\\{\\}" + str2.slice(2);
  }
  return expand_(escapeBraces(str2), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str2) {
  return "{" + str2 + "}";
}
function isPadded(el) {
  return /^-?0\d/.test(el);
}
function lte(i, y) {
  return i <= y;
}
function gte(i, y) {
  return i >= y;
}
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
  const out = [];
  let length = 0;
  let nonEmpty;
  outer: for (let a = 0; a < acc.length; a++) {
    const prefix2 = acc[a] + pre;
    let vs = values;
    if (dropEmpties && !prefix2) {
      if (!nonEmpty)
        nonEmpty = values.filter((v) => v);
      vs = nonEmpty;
    }
    for (let v = 0; v < vs.length; v++) {
      if (out.length >= max)
        break outer;
      const expansion = prefix2 + vs[v];
      if (length + expansion.length > maxLength)
        break outer;
      out.push(expansion);
      length += expansion.length;
    }
  }
  budget.remaining -= out.length;
  return out;
}
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
  const n = body.split(/\.\./);
  const N = [];
  if (n[0] === void 0 || n[1] === void 0) {
    return N;
  }
  const x = numeric(n[0]);
  const y = numeric(n[1]);
  const width = Math.max(n[0].length, n[1].length);
  let incr = n.length === 3 && n[2] !== void 0 ? Math.max(Math.abs(numeric(n[2])), 1) : 1;
  let test = lte;
  const reverse = y < x;
  if (reverse) {
    incr *= -1;
    test = gte;
  }
  const pad = n.some(isPadded);
  const cost = pad ? width : 1;
  let length = 0;
  for (let i = x; test(i, y) && N.length < max; i += incr) {
    budget.remaining -= cost;
    if (budget.remaining < 0) {
      return void 0;
    }
    let c;
    if (isAlphaSequence) {
      c = String.fromCharCode(i);
      if (c === "\\") {
        c = "";
      }
    } else {
      c = String(i);
      if (pad) {
        const need = width - c.length;
        if (need > 0) {
          const z = new Array(need + 1).join("0");
          if (i < 0) {
            c = "-" + z + c.slice(1);
          } else {
            c = z + c;
          }
        }
      }
    }
    if (length + c.length > maxLength)
      break;
    N.push(c);
    length += c.length;
  }
  return N;
}
function expand_(str2, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
  budget.remaining -= CALL_STEPS;
  if (depth > maxDepth) {
    return [str2];
  }
  let acc = [""];
  let rewrites = 0;
  let dropEmpties = false;
  let firstGroup = true;
  let masked = str2;
  for (; ; ) {
    const m = balancedWithBudget(str2, masked, budget);
    if (!m) {
      return combine(acc, str2, [""], max, maxLength, dropEmpties, budget);
    }
    if (m.unmatched) {
      masked = maskUnmatchedOpens(masked, budget);
    }
    const pre = m.pre;
    const literal2 = () => combine(acc, pre + "{" + m.body + "}" + m.post, [""], max, maxLength, dropEmpties, budget);
    if (/\$$/.test(pre)) {
      acc = combine(acc, pre + "{" + m.body + "}", [""], max, maxLength, dropEmpties && !m.post.length, budget);
      firstGroup = false;
      if (!m.post.length)
        break;
      str2 = m.post;
      masked = masked.slice(m.end + 1);
      continue;
    }
    const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
    const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
    const isSequence = isNumericSequence || isAlphaSequence;
    const isOptions = m.body.indexOf(",") >= 0;
    if (!isSequence && !isOptions) {
      if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
        rewrites++;
        str2 = m.pre + "{" + m.body + escClose + m.post;
        masked = masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
        isTop = true;
        continue;
      }
      return literal2();
    }
    if (firstGroup) {
      dropEmpties = isTop && !isSequence;
      firstGroup = false;
    }
    let values;
    if (isSequence) {
      values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
      if (!values) {
        return literal2();
      }
    } else {
      let n = parseCommaParts(m.body, budget);
      if (!n) {
        return literal2();
      }
      if (n.length === 1 && n[0] !== void 0) {
        n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
        if (budget.remaining < 0) {
          return literal2();
        }
        if (n.length === 1) {
          const next2 = combine(acc, pre + n[0], [""], max, maxLength, dropEmpties && !m.post.length, budget);
          if (budget.remaining < 0) {
            return literal2();
          }
          acc = next2;
          if (!m.post.length)
            break;
          str2 = m.post;
          masked = masked.slice(m.end + 1);
          continue;
        }
      }
      let dropsEmpties = dropEmpties && !m.post.length && !pre;
      for (let d = 0; dropsEmpties && d < acc.length; d++) {
        if (acc[d]) {
          dropsEmpties = false;
        }
      }
      values = [];
      let valuesLength = 0;
      outer: for (let j = 0; j < n.length; j++) {
        const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
        if (budget.remaining < 0) {
          return literal2();
        }
        for (let k = 0; k < expanded.length; k++) {
          const v = expanded[k];
          if (dropsEmpties && !v)
            continue;
          if (values.length >= max || valuesLength + v.length > maxLength) {
            break outer;
          }
          values.push(v);
          valuesLength += v.length;
        }
      }
    }
    const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
    if (budget.remaining < 0) {
      return literal2();
    }
    acc = next;
    if (!m.post.length)
      break;
    str2 = m.post;
    masked = masked.slice(m.end + 1);
  }
  return acc;
}

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/numeric-range.js
var digit = (a, b) => a === b ? { t: "lit", ch: String(a) } : { t: "class", re: new RegExp(`^[${a}-${b}]$`) };
var prefix = (d, alts) => alts.map((s) => [digit(d, d), ...s]);
var fixed = (a, b) => {
  if (!a)
    return [[]];
  let lo = +a[0];
  let hi = +b[0];
  const ra = a.slice(1);
  const rb = b.slice(1);
  if (lo === hi)
    return prefix(lo, fixed(ra, rb));
  const zeros = "0".repeat(ra.length);
  const nines = "9".repeat(ra.length);
  const out = [];
  if (ra !== zeros)
    out.push(...prefix(lo++, fixed(ra, nines)));
  const last = rb === nines ? [] : prefix(hi--, fixed(zeros, rb));
  if (lo <= hi) {
    out.push([digit(lo, hi), ...Array.from(ra, () => digit(0, 9))]);
  }
  out.push(...last);
  return out;
};
var nonneg = (a, b, width) => {
  if (width) {
    return fixed(String(a).padStart(width, "0"), String(b).padStart(width, "0"));
  }
  const out = [];
  for (let len = String(a).length; len <= String(b).length; len++) {
    const lo = Math.max(a, len === 1 ? 0 : 10 ** (len - 1));
    const hi = Math.min(b, 10 ** len - 1);
    out.push(...fixed(String(lo), String(hi)));
  }
  return out;
};
var numericRange = (loStr, hiStr) => {
  let lo = Number(loStr);
  let hi = Number(hiStr);
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi))
    return;
  if (lo > hi)
    [lo, hi] = [hi, lo];
  const padded = /^-?0\d/.test(loStr) || /^-?0\d/.test(hiStr);
  const width = padded ? Math.max(loStr.length, hiStr.length) : 0;
  const out = [];
  if (lo < 0) {
    const neg = nonneg(Math.max(-hi, 1), -lo, width && width - 1);
    out.push(...neg.map((s) => [{ t: "lit", ch: "-" }, ...s]));
  }
  if (hi >= 0)
    out.push(...nonneg(Math.max(lo, 0), hi, width));
  return out;
};

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/parse-class.js
var posixClasses = {
  "[:alnum:]": ["\\p{L}\\p{Nl}\\p{Nd}"],
  "[:alpha:]": ["\\p{L}\\p{Nl}"],
  "[:ascii:]": ["\\x00-\\x7f"],
  "[:blank:]": ["\\p{Zs}\\t"],
  "[:cntrl:]": ["\\p{Cc}"],
  "[:digit:]": ["\\p{Nd}"],
  "[:graph:]": ["\\p{Z}\\p{C}", true],
  "[:lower:]": ["\\p{Ll}"],
  "[:print:]": ["\\p{C}", true],
  "[:punct:]": ["\\p{P}\\p{S}"],
  "[:space:]": ["\\p{Z}\\t\\r\\n\\v\\f"],
  "[:upper:]": ["\\p{Lu}"],
  "[:word:]": ["\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}"],
  "[:xdigit:]": ["A-Fa-f0-9"]
};
var braceEscape = (s) => s.replace(/[[\]\\-]/g, "\\$&");
var noMatch = /$./;
var parseClass = (glob, position2, nocase = false, form) => {
  const norm = (c) => {
    const n = form ? c.normalize(form) : c;
    return [...n].length === 1 ? n : c;
  };
  const pos = position2;
  if (glob.charAt(pos) !== "[") {
    throw new Error("not in a brace expression");
  }
  const ranges = [];
  const negs = [];
  let i = pos + 1;
  let sawStart = false;
  let escaping = false;
  let negate = false;
  let endPos = pos;
  let rangeStart = "";
  WHILE: while (i < glob.length) {
    const c = String.fromCodePoint(glob.codePointAt(i));
    if ((c === "!" || c === "^") && i === pos + 1) {
      negate = true;
      i++;
      continue;
    }
    if (c === "]" && sawStart && !escaping) {
      endPos = i + 1;
      break;
    }
    sawStart = true;
    if (c === "\\") {
      if (!escaping) {
        escaping = true;
        i++;
        continue;
      }
    }
    if (c === "[" && !escaping) {
      for (const [cls, [unip, neg]] of Object.entries(posixClasses)) {
        if (glob.startsWith(cls, i)) {
          if (rangeStart) {
            return [noMatch, glob.length - pos];
          }
          i += cls.length;
          if (neg)
            negs.push(unip);
          else
            ranges.push(unip);
          continue WHILE;
        }
      }
    }
    escaping = false;
    const n = norm(c);
    if (rangeStart) {
      if (n.codePointAt(0) > rangeStart.codePointAt(0)) {
        ranges.push(braceEscape(rangeStart) + "-" + braceEscape(n));
      } else if (n === rangeStart) {
        ranges.push(braceEscape(n));
      }
      rangeStart = "";
      i += c.length;
      continue;
    }
    if (glob.startsWith("-]", i + c.length)) {
      ranges.push(braceEscape(n + "-"));
      i += c.length + 1;
      continue;
    }
    if (glob.startsWith("-", i + c.length)) {
      rangeStart = n;
      i += c.length + 1;
      continue;
    }
    ranges.push(braceEscape(n));
    i += c.length;
  }
  if (endPos < i) {
    return [noMatch, 0];
  }
  if (!ranges.length && !negs.length) {
    return [noMatch, glob.length - pos];
  }
  const sranges = "[" + (negate ? "^" : "") + ranges.join("") + "]";
  const snegs = "[" + (negate ? "" : "^") + negs.join("") + "]";
  const comb = "^" + (ranges.length && negs.length ? "(" + sranges + "|" + snegs + ")" : ranges.length ? sranges : snegs);
  return [new RegExp(comb, nocase ? "iu" : "u"), endPos - pos];
};

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/index.js
var MATCH = { t: "match", id: 0 };
var extTypes = "!?+*@";
var lit = (ch) => ({ t: "lit", ch });
var reEscape = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
var newFoldRe = (s) => new RegExp(`^${reEscape(s)}$`, "iu");
var foldCache = /* @__PURE__ */ new Map();
var foldRe = (ch) => {
  let re = foldCache.get(ch);
  if (!re) {
    re = newFoldRe(ch);
    if (foldCache.size >= 1e3)
      foldCache.clear();
    foldCache.set(ch, re);
  }
  return re;
};
var litMatch = (l, c) => {
  if (c === l.ch)
    return true;
  if (!l.re)
    return false;
  const code = c.charCodeAt(0);
  if (code >= 128)
    return l.re.test(c);
  const ascii = l.ascii ??= new Uint8Array(128);
  ascii[code] ||= l.re.test(c) ? 1 : 2;
  return ascii[code] === 1;
};
var tokenize = (p, nocase, noext, form, mark) => {
  const toks = [];
  for (let i = 0; i < p.length; ) {
    const c = String.fromCodePoint(p.codePointAt(i));
    if (mark) {
      const m = c === "\\" && p.startsWith(mark, i + 1) ? 1 : 0;
      if (m || c === mark) {
        const start = i + m + mark.length;
        const end = p.indexOf(mark, start);
        const r = /^(-?\d+)\.\.(-?\d+)$/.exec(p.slice(start, end));
        const alts = end !== -1 && r && numericRange(r[1], r[2]);
        if (alts) {
          toks.push({ t: "ext", type: "@", alts });
          i = end + mark.length;
          continue;
        }
      }
    }
    if (c === "\\") {
      const e = p.codePointAt(i + 1);
      const ch = e === void 0 ? c : String.fromCodePoint(e);
      toks.push(lit(ch));
      i += 1 + ch.length;
      continue;
    }
    if (c === "[") {
      const [re, consumed] = parseClass(p, i, nocase, form);
      if (consumed) {
        toks.push({ t: "class", re });
        i += consumed;
        continue;
      }
    }
    if (!noext && extTypes.includes(c) && p[i + 1] === "(") {
      toks.push({ t: "open", type: c });
      i += 2;
      continue;
    }
    toks.push(!noext && c === "|" ? { t: "bar" } : !noext && c === ")" ? { t: "close" } : c === "*" ? { t: "star" } : c === "?" ? { t: "any" } : lit(c));
    i += c.length;
  }
  return toks;
};
var pair = (toks) => {
  const pairs = /* @__PURE__ */ new Map();
  const stack = [];
  toks.forEach((tok, i) => {
    if (tok.t === "open")
      stack.push(i);
    else if (tok.t === "close" && stack.length)
      pairs.set(stack.pop(), i);
  });
  return pairs;
};
var build = (toks, pairs, start, end, top) => {
  let seq = [];
  const alts = [seq];
  for (let i = start; i < end; i++) {
    const tok = toks[i];
    const close = pairs.get(i);
    if (tok.t === "open" && close !== void 0) {
      const sub = build(toks, pairs, i + 1, close, false);
      seq.push({ t: "ext", type: tok.type, alts: sub });
      i = close;
    } else if (tok.t === "bar" && !top) {
      alts.push(seq = []);
    } else if (tok.t === "open") {
      seq.push(lit(tok.type), lit("("));
    } else if (tok.t === "bar") {
      seq.push(lit("|"));
    } else if (tok.t === "close") {
      seq.push(lit(")"));
    } else {
      seq.push(tok);
    }
  }
  return alts;
};
var normalize = (items, form) => {
  const out = [];
  let run = "";
  const flush = () => {
    for (const ch of run.normalize(form))
      out.push(lit(ch));
    run = "";
  };
  for (const it of items) {
    if (it.t === "lit") {
      run += it.ch;
      continue;
    }
    flush();
    out.push(it.t === "ext" ? { ...it, alts: it.alts.map((a) => normalize(a, form)) } : it);
  }
  flush();
  return out;
};
var compile = (items, nocase) => {
  let id = 1;
  const split = (out) => ({ t: "split", id: id++, out });
  const seq = (items2, next) => items2.reduceRight((next2, it) => item(it, next2), next);
  const item = (it, next) => {
    switch (it.t) {
      case "lit":
        const re = nocase ? foldRe(it.ch) : void 0;
        return { t: "lit", id: id++, ch: it.ch, re, next };
      case "any":
      case "star":
        return { t: it.t, id: id++, next };
      case "class":
        return { t: "class", id: id++, re: it.re, next };
    }
    const alts = (next2) => it.alts.map((a) => seq(a, next2));
    switch (it.type) {
      case "@":
        return split(alts(next));
      case "?":
        return split([next, ...alts(next)]);
      case "!":
        return { t: "neg", id: id++, sub: split(alts(MATCH)), next };
    }
    const after = split([]);
    const entry = split(alts(after));
    after.out.push(next, entry);
    return it.type === "*" ? after : entry;
  };
  const start = seq(items, MATCH);
  return [start, id];
};
var show = (start) => {
  const lines = [];
  const seen = /* @__PURE__ */ new Set();
  const ref = (n) => n.t === "match" ? "match" : String(n.id);
  const walk5 = (n, indent) => {
    if (n.t === "match" || seen.has(n))
      return;
    seen.add(n);
    const line = (desc) => lines.push(`${indent}${n.id}: ${desc}`);
    switch (n.t) {
      case "split":
        line(`split -> ${n.out.map(ref).join(", ")}`);
        for (const o of n.out)
          walk5(o, indent);
        return;
      case "neg":
        line(`!(${ref(n.sub)}) -> ${ref(n.next)}`);
        walk5(n.sub, indent + "  ");
        return walk5(n.next, indent);
      case "lit":
        line(`${JSON.stringify(n.ch)} -> ${ref(n.next)}`);
        break;
      case "class":
        line(`${n.re} -> ${ref(n.next)}`);
        break;
      default:
        line(`${n.t === "any" ? "?" : "*"} -> ${ref(n.next)}`);
    }
    walk5(n.next, indent);
  };
  walk5(start, "");
  return [`start -> ${ref(start)}`, ...lines].join("\n");
};
var State = class {
  // set by the Sim, to mark the nodes that this state has
  gen;
  threads = [];
  match = false;
  runs = [];
  // the sorted ids of the threads, with 0 for a match, once the
  // state is done
  ids = [];
  constructor(gen) {
    this.gen = gen;
  }
  // no threads, so nothing more can match
  get dead() {
    return !this.threads.length && !this.match && !this.runs.length;
  }
};
var sameState = (a, b) => {
  if (a.ids.length !== b.ids.length)
    return false;
  if (a.runs.length !== b.runs.length)
    return false;
  if (a.ids.some((id, i) => id !== b.ids[i]))
    return false;
  return a.runs.every((r) => b.runs.some((o) => o.neg === r.neg && sameState(o.state, r.state)));
};
var marks = (size) => ({
  has: new Float64Array(size),
  seen: new Float64Array(size),
  gen: 0
});
var Sim = class {
  // `.` and `..` only match literal dots, even with `dot:true`
  dots;
  // the string starts with `.`, and `dot:true` is not set
  dotStart;
  #marks;
  constructor(dots, dotStart, marks2) {
    this.dots = dots;
    this.dotStart = dotStart;
    this.#marks = marks2;
  }
  state() {
    return new State(++this.#marks.gen);
  }
  // sort the ids of a state, once it has all of its threads
  done(state) {
    state.ids = state.threads.map((n) => n.id).sort((a, b) => a - b);
    if (state.match)
      state.ids.unshift(MATCH.id);
    return state;
  }
  // true the first time that the state walks through the node, so
  // that loops in the graph stop
  #visit(state, node) {
    const { seen } = this.#marks;
    if (seen[node.id] === state.gen)
      return false;
    seen[node.id] = state.gen;
    return true;
  }
  #addThread(state, node) {
    const { has } = this.#marks;
    if (has[node.id] === state.gen)
      return false;
    has[node.id] = state.gen;
    state.threads.push(node);
    return true;
  }
  // wildcards only match a leading dot if `dot:true`. In a negated
  // sub-pattern, this does not apply, because the negation itself
  // can not match a leading dot.
  restricted(i, top) {
    return top && (this.dots || this.dotStart && i === 0);
  }
  add(state, node, i, top) {
    switch (node.t) {
      case "split":
        if (!this.#visit(state, node))
          return;
        for (const o of node.out)
          this.add(state, o, i, top);
        return;
      case "neg":
        if (!this.#visit(state, node))
          return;
        const sub = this.state();
        this.add(sub, node.sub, i, false);
        this.done(sub);
        return this.addRun(state, { t: "run", neg: node, state: sub }, i, top);
      case "star":
        if (this.restricted(i, top))
          return;
        if (this.#addThread(state, node))
          this.add(state, node.next, i, top);
        return;
      case "match":
        state.match = true;
        return;
      default:
        this.#addThread(state, node);
    }
  }
  addRun(state, run, i, top) {
    for (const r of state.runs) {
      if (r.neg === run.neg && sameState(r.state, run.state))
        return;
    }
    state.runs.push(run);
    if (!run.state.match) {
      this.add(state, run.neg.next, i, top);
    }
  }
  // the threads after char `c`, at index `i`
  step(state, c, i, top) {
    const next = this.state();
    for (const th of state.threads) {
      switch (th.t) {
        case "lit":
          if (litMatch(th, c)) {
            this.add(next, th.next, i + 1, top);
          }
          break;
        case "any":
          if (!this.restricted(i, top))
            this.add(next, th.next, i + 1, top);
          break;
        case "class":
          if (!this.restricted(i, top) && th.re.test(c)) {
            this.add(next, th.next, i + 1, top);
          }
          break;
        case "star":
          if (!this.restricted(i, top))
            this.add(next, th, i + 1, top);
      }
    }
    if (!this.restricted(i, top)) {
      for (const run of state.runs) {
        if (run.state.dead) {
          this.addRun(next, run, i + 1, top);
          continue;
        }
        const sub = this.step(run.state, c, i, false);
        this.addRun(next, { t: "run", neg: run.neg, state: sub }, i + 1, top);
      }
    }
    return this.done(next);
  }
};
var stateKey = (state) => {
  const ids = state.ids.join();
  if (!state.runs.length)
    return ids;
  const runs = state.runs.map((r) => `${r.neg.id}(${stateKey(r.state)})`);
  return `${ids}|${runs.sort().join("|")}`;
};
var DFA_BUDGET = 1 << 18;
var Dfa = class {
  #start;
  #states = /* @__PURE__ */ new Map();
  #size = 0;
  #plain;
  #dotStart;
  #sim;
  #dotSim;
  constructor(start, marks2) {
    this.#start = start;
    this.#sim = new Sim(false, false, marks2);
    this.#dotSim = new Sim(false, true, marks2);
  }
  #make(state) {
    return {
      state,
      match: state.match,
      dead: state.dead,
      next: /* @__PURE__ */ new Map()
    };
  }
  #intern(state) {
    const key = stateKey(state);
    const found = this.#states.get(key);
    if (found)
      return found;
    if (this.#size > DFA_BUDGET)
      this.#clear();
    const d = this.#make(state);
    this.#states.set(key, d);
    this.#size += key.length + 1;
    return d;
  }
  #clear() {
    this.#states.clear();
    this.#size = 0;
    this.#plain = void 0;
    this.#dotStart = void 0;
  }
  start(dotStart) {
    if (dotStart) {
      if (this.#dotStart)
        return this.#dotStart;
      const state2 = this.#dotSim.state();
      this.#dotSim.add(state2, this.#start, 0, true);
      return this.#dotStart = this.#make(this.#dotSim.done(state2));
    }
    if (this.#plain)
      return this.#plain;
    const state = this.#sim.state();
    this.#sim.add(state, this.#start, 0, true);
    return this.#plain = this.#intern(this.#sim.done(state));
  }
  // the next state, after a miss in `d.ascii`
  next(d, c) {
    const code = c.charCodeAt(0);
    const found = code < 128 ? void 0 : d.next.get(c);
    if (found)
      return found;
    const n = d === this.#dotStart ? this.#intern(this.#dotSim.step(d.state, c, 0, true)) : this.#intern(this.#sim.step(d.state, c, 1, true));
    if (code < 128) {
      if (!d.ascii) {
        d.ascii = new Array(128);
        this.#size += 128;
      }
      d.ascii[code] = n;
    } else {
      d.next.set(c, n);
    }
    this.#size++;
    return n;
  }
};
var linear = (start) => {
  const nodes = [];
  for (let n = start; n.t !== "match"; n = n.next) {
    if (n.t === "split" || n.t === "neg")
      return void 0;
    nodes.push(n);
  }
  return nodes;
};
var testLinear = (nodes, chars, start, end) => {
  let ni = 0;
  let ci = start;
  let starNi = -1;
  let starCi = 0;
  while (ci < end) {
    const n = nodes[ni];
    if (n?.t === "star") {
      starNi = ni++;
      starCi = ci;
      continue;
    }
    const c = chars[ci];
    if (n && (n.t === "any" || n.t === "lit" && litMatch(n, c) || n.t === "class" && n.re.test(c))) {
      ni++;
      ci++;
      continue;
    }
    if (starNi === -1)
      return false;
    ni = starNi + 1;
    ci = ++starCi;
  }
  while (nodes[ni]?.t === "star")
    ni++;
  return ni === nodes.length;
};
var lengths = (items) => {
  let min = 0;
  let max = 0;
  for (const it of items) {
    const [lo, hi] = itemLengths(it);
    min += lo;
    max += hi;
  }
  return [min, max];
};
var itemLengths = (it) => {
  if (it.t === "star")
    return [0, Infinity];
  if (it.t !== "ext")
    return [1, 1];
  if (it.type === "!")
    return [0, Infinity];
  const alts = it.alts.map(lengths);
  const min = Math.min(...alts.map((a) => a[0]));
  const max = Math.max(...alts.map((a) => a[1]));
  const loop = max === 0 ? 0 : Infinity;
  return it.type === "@" ? [min, max] : it.type === "?" ? [0, max] : it.type === "*" ? [0, loop] : [min, loop];
};
var hasAffix = (lits, chars, start) => {
  for (let j = 0; j < lits.length; j++) {
    if (!litMatch(lits[j], chars[start + j]))
      return false;
  }
  return true;
};
var slashOrSurrogate = /[/\ud800-\udfff]/;
var surrogate = /[\ud800-\udfff]/;
var codePoints = (s) => surrogate.test(s) ? [...s] : s;
var noSlash = (s) => {
  if (s.includes("/")) {
    throw new Error("can only match a single path portion, got: " + s);
  }
};
var Matcher = class {
  pattern;
  options;
  #start;
  // the number of node ids
  #size;
  #marks;
  // the Sim for strings that are only `.` or `..`
  #dotsSim;
  // the string to compare, if the pattern has no magic. With
  // `nocase:true`, the RegExp that folds case is made when it is
  // first used.
  #literal;
  #literalFold = false;
  #literalRe;
  // the nodes between the prefix and suffix, if the graph is a
  // single chain
  #linear;
  // the linear nodes are only `*` and `?`, so the length bounds and
  // the prefix and suffix decide the match
  #wild = false;
  // the least and most chars that a match can have
  #min = 0;
  #max = Infinity;
  // the literals that a match must start and end with. Each one
  // matches exactly one char, and they are distinct items in the
  // pattern, so a string that does not have them can not match.
  #prefix = [];
  #suffix = [];
  // the prefix and suffix as strings, if they do not fold case
  #prefixStr;
  #suffixStr;
  // there is a prefix or suffix to check
  #affix = false;
  #dfa;
  #form;
  constructor(pattern, options = {}) {
    if (pattern.includes("/")) {
      throw new Error("can only match a single path portion, got pattern: " + pattern);
    }
    this.pattern = pattern;
    this.options = options;
    const { nocase = false, noext = false, normalize: n } = options;
    this.#form = n === true ? "NFC" : n || void 0;
    const literal2 = /^[?*+@]\(\)$/.test(pattern);
    const toks = tokenize(pattern, nocase, noext || literal2, this.#form, options.rangeMark);
    let [items] = build(toks, pair(toks), 0, toks.length, true);
    if (this.#form)
      items = normalize(items, this.#form);
    const [start, size] = compile(items, nocase);
    this.#start = start;
    this.#size = size;
    if (items.every((it) => it.t === "lit")) {
      this.#literal = items.map((it) => it.ch).join("");
      this.#literalFold = nocase;
    } else {
      const lit2 = (it) => it.t !== "lit" ? void 0 : nocase ? { ch: it.ch, re: foldRe(it.ch) } : { ch: it.ch };
      for (const it of items) {
        const l = lit2(it);
        if (!l)
          break;
        this.#prefix.push(l);
      }
      for (let j = items.length - 1; j >= 0; j--) {
        const l = lit2(items[j]);
        if (!l)
          break;
        this.#suffix.unshift(l);
      }
      this.#affix = !!(this.#prefix.length || this.#suffix.length);
      if (!nocase) {
        this.#prefixStr = this.#prefix.map((l) => l.ch).join("");
        this.#suffixStr = this.#suffix.map((l) => l.ch).join("");
      }
      this.#linear = linear(this.#start)?.slice(this.#prefix.length, -this.#suffix.length || void 0);
      this.#wild = !!this.#linear?.every((n2) => n2.t === "star" || n2.t === "any");
      const [min, max] = lengths(items);
      this.#min = min;
      this.#max = max;
    }
  }
  test(s) {
    if (this.#form) {
      noSlash(s);
      return this.#test(s.normalize(this.#form));
    }
    if (slashOrSurrogate.test(s)) {
      noSlash(s);
      return this.#test(s, [...s]);
    }
    return this.#test(s, s);
  }
  /**
   * The same as {@link Matcher#test}, but the string is not checked
   * for `/` chars, so the result for a string that has one is not
   * defined. Only use it for a string that is known to be one path
   * portion, such as a part of a path that was split on `/`. It can
   * be faster, because some patterns do not need to look at each char
   * of the string.
   */
  testUnchecked(s) {
    return this.#test(this.#form ? s.normalize(this.#form) : s);
  }
  // Test a string that has no `/`. `chars` indexes it by code point.
  // If it is not given, it is only found if a step needs it.
  #test(s, chars) {
    if (this.#literal !== void 0) {
      return this.#literalFold ? (this.#literalRe ??= newFoldRe(this.#literal)).test(s) : s === this.#literal;
    }
    const min = this.#min;
    const max = this.#max;
    if (chars === void 0) {
      const most = s.length;
      const least = most + 1 >> 1;
      if (most < min || least > max)
        return false;
      if (least < min || most > max)
        chars = codePoints(s);
    }
    if (chars !== void 0 && (chars.length < min || chars.length > max)) {
      return false;
    }
    const prefix2 = this.#prefix.length;
    if (this.#affix) {
      if (this.#prefixStr !== void 0 && this.#suffixStr !== void 0) {
        if (!s.startsWith(this.#prefixStr) || !s.endsWith(this.#suffixStr)) {
          return false;
        }
      } else {
        chars ??= codePoints(s);
        const end = chars.length - this.#suffix.length;
        if (!hasAffix(this.#prefix, chars, 0) || !hasAffix(this.#suffix, chars, end)) {
          return false;
        }
      }
    }
    const dotStart = !this.options.dot && s.startsWith(".");
    if (this.#linear) {
      if (s === "." || s === "..")
        return false;
      if (dotStart && !prefix2)
        return false;
      if (this.#wild)
        return true;
      chars ??= codePoints(s);
      const end = chars.length - this.#suffix.length;
      return testLinear(this.#linear, chars, prefix2, end);
    }
    chars ??= codePoints(s);
    if (s === "." || s === "..") {
      this.#marks ??= marks(this.#size);
      const sim = this.#dotsSim ??= new Sim(true, false, this.#marks);
      const start = sim.state();
      sim.add(start, this.#start, 0, true);
      let state = sim.done(start);
      for (let i = 0; i < chars.length; i++) {
        state = sim.step(state, chars[i], i, true);
      }
      return state.match;
    }
    this.#marks ??= marks(this.#size);
    const dfa = this.#dfa ??= new Dfa(this.#start, this.#marks);
    let d = dfa.start(dotStart);
    const str2 = chars === s;
    for (let i = 0; i < chars.length; i++) {
      if (d.dead)
        return false;
      const code = str2 ? s.charCodeAt(i) : chars[i].charCodeAt(0);
      d = d.ascii?.[code] ?? dfa.next(d, chars[i]);
    }
    return d.match;
  }
  /** a readable listing of the state machine */
  toString() {
    return show(this.#start);
  }
};

// node_modules/minimatch/dist/esm/assert-valid-pattern.js
var MAX_PATTERN_LENGTH = 1024 * 64;
var assertValidPattern = (pattern) => {
  if (typeof pattern !== "string") {
    throw new TypeError("invalid pattern");
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new TypeError("pattern is too long");
  }
};

// node_modules/minimatch/dist/esm/escape.js
var escape = (s, { windowsPathsNoEscape = false, magicalBraces = false } = {}) => {
  const e = magicalBraces ? windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, "[$&]") : s.replace(/[?*()[\]\\{}]/g, "\\$&") : windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, "[$&]") : s.replace(/[?*()[\]\\]/g, "\\$&");
  const c = e.charAt(0);
  if (c === "#") {
    return (windowsPathsNoEscape ? "[#]" : "\\#") + e.slice(1);
  }
  if (c === "!") {
    return (windowsPathsNoEscape ? "@(!)" : "\\!") + e.slice(1);
  }
  return e;
};

// node_modules/minimatch/dist/esm/unescape.js
var unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true } = {}) => {
  if (windowsPathsNoEscape && s.startsWith("@(!)")) {
    return "!" + unescape(s.slice(4), { windowsPathsNoEscape, magicalBraces });
  }
  if (magicalBraces) {
    return windowsPathsNoEscape ? s.replace(/\[([^/\\])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\])\]/g, "$1$2").replace(/\\([^/])/g, "$1");
  }
  return windowsPathsNoEscape ? s.replace(/\[([^/\\{}])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\{}])\]/g, "$1$2").replace(/\\([^/{}])/g, "$1");
};

// node_modules/minimatch/dist/esm/index.js
var DEFAULT_BRACE_EXPAND_MAX = 1e5;
var DEFAULT_GLOB_STAR_RECURSION_MAX = 200;
var AWE_KEY = "allowWindowsEscape";
var minimatch = (p, pattern, options) => {
  assertValidPattern(pattern);
  if (!options?.nocomment && pattern.charAt(0) === "#") {
    return false;
  }
  return cachedMinimatch(pattern, options).match(p);
};
var cache2 = /* @__PURE__ */ new Map();
var oldCache = /* @__PURE__ */ new Map();
var cacheSize = 0;
var cacheTotalWeight = 0;
var cacheMax = 256;
var cacheMaxWeight = 1 << 15;
var cacheMaxEntryWeight = 1 << 12;
var cacheWeight = (mm) => {
  let w = mm.pattern.length;
  for (const s of mm.globSet) {
    w += s.length + 1;
    if (w > cacheMaxEntryWeight)
      break;
  }
  return w;
};
var tri = (v) => v === void 0 ? 0 : v ? 2 : 1;
var booleanWeights = new Map(Object.keys({
  nobrace: 0,
  nocomment: 0,
  nonegate: 0,
  noglobstar: 0,
  noext: 0,
  nonull: 0,
  partial: 0,
  dot: 0,
  nocase: 0,
  nocaseMagicOnly: 0,
  magicalBraces: 0,
  matchBase: 0,
  flipNegate: 0,
  preserveMultipleSlashes: 0,
  windowsNoMagicRoot: 0
}).map((k, i) => [k, 24 * 3 ** i]));
var optionsKey = (o) => {
  let n = 0;
  let wpe = false;
  for (const k in o) {
    const v = o[k];
    switch (k) {
      // the same test as the Minimatch constructor
      case "windowsPathsNoEscape":
        if (v)
          wpe = true;
        break;
      case AWE_KEY:
        if (v === false)
          wpe = true;
        break;
      case "platform": {
        const p = v || defaultPlatform;
        if (p === defaultPlatform)
          break;
        if (p === "darwin")
          n += 3;
        else if (p === "win32")
          n += 6;
        else if (p === "linux")
          n += 9;
        else
          return JSON.stringify(o);
        break;
      }
      case "optimizationLevel":
        if (v === void 0)
          break;
        n += v >= 2 ? 1 : v >= 1 ? 0 : 2;
        break;
      case "braceExpandMax":
        if (v !== void 0 && v !== DEFAULT_BRACE_EXPAND_MAX) {
          return JSON.stringify(o);
        }
        break;
      case "maxGlobstarRecursion":
        if (v !== void 0 && v !== DEFAULT_GLOB_STAR_RECURSION_MAX) {
          return JSON.stringify(o);
        }
        break;
      case "normalize":
        if (v !== void 0)
          return JSON.stringify(o);
        break;
      default:
        n += (booleanWeights.get(k) ?? 0) * tri(v);
    }
  }
  return wpe ? n + 12 : n;
};
var copyOptions = (o) => {
  const copy = {};
  for (const k in o)
    copy[k] = o[k];
  return copy;
};
var cachedMinimatch = (pattern, options) => {
  const key = options ? optionsKey(options) : 0;
  let mm = cache2.get(key)?.get(pattern);
  if (mm)
    return mm;
  mm = oldCache.get(key)?.get(pattern) ?? new Minimatch(pattern, copyOptions(options));
  const weight = cacheWeight(mm);
  if (weight > cacheMaxEntryWeight)
    return mm;
  if (cacheSize >= cacheMax || cacheTotalWeight + weight > cacheMaxWeight) {
    oldCache = cache2;
    cache2 = /* @__PURE__ */ new Map();
    cacheSize = 0;
    cacheTotalWeight = 0;
  }
  let byPattern = cache2.get(key);
  if (!byPattern)
    cache2.set(key, byPattern = /* @__PURE__ */ new Map());
  byPattern.set(pattern, mm);
  cacheSize++;
  cacheTotalWeight += weight;
  return mm;
};
var defaultPlatform = typeof process === "object" && process ? process.env?.__MINIMATCH_TESTING_PLATFORM__ || process.platform : "posix";
var path = {
  win32: { sep: "\\" },
  posix: { sep: "/" }
};
var sep = defaultPlatform === "win32" ? path.win32.sep : path.posix.sep;
minimatch.sep = sep;
var GLOBSTAR = /* @__PURE__ */ Symbol("globstar **");
minimatch.GLOBSTAR = GLOBSTAR;
var filter = (pattern, options) => {
  let mm;
  return (p) => (mm ??= cachedMinimatch(pattern, options)).match(p);
};
minimatch.filter = filter;
var ext = (a, b = {}) => Object.assign({}, a, b);
var defaults = (def) => {
  if (!def || typeof def !== "object" || !Object.keys(def).length) {
    return minimatch;
  }
  const orig = minimatch;
  const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
  return Object.assign(m, {
    Minimatch: class Minimatch extends orig.Minimatch {
      constructor(pattern, options = {}) {
        super(pattern, ext(def, options));
      }
      static defaults(options) {
        return orig.defaults(ext(def, options)).Minimatch;
      }
    },
    unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
    escape: (s, options = {}) => orig.escape(s, ext(def, options)),
    filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
    defaults: (options) => orig.defaults(ext(def, options)),
    braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
    match: (list4, pattern, options = {}) => orig.match(list4, pattern, ext(def, options)),
    sep: orig.sep,
    GLOBSTAR
  });
};
minimatch.defaults = defaults;
var braceExpand = (pattern, options = {}) => {
  assertValidPattern(pattern);
  if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
    return [pattern];
  }
  let p = pattern.replace(/\\\\/g, "\\\\\\\\");
  if (options.windowsPathsNoEscape || options[AWE_KEY] === false) {
    p = p.replace(/\[([{}])\]/g, "[\\$1]");
  }
  return expand(p, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
var RANGE_MIN = 100;
var rangeRe = /(?<![\\$])\{(-?\d+)\.\.(-?\d+)\}/g;
var inRepeatOrNegExt = (portion, mark) => {
  const stack = [];
  for (let i = 0; i < portion.length; i++) {
    const c = portion.charAt(i);
    if (c === "\\") {
      i++;
    } else if (c === mark) {
      if (stack.some((t) => t !== "@" && t !== "?"))
        return true;
    } else if (portion.charAt(i + 1) === "(" && "!?+*@".includes(c)) {
      stack.push(c);
      i++;
    } else if (c === ")") {
      stack.pop();
    }
  }
  return false;
};
var match = (list4, pattern, options = {}) => {
  const mm = new Minimatch(pattern, options);
  list4 = list4.filter((f) => mm.match(f));
  if (mm.options.nonull && !list4.length) {
    list4.push(pattern);
  }
  return list4;
};
minimatch.match = match;
var globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
var classEnd = (pattern, start) => {
  let i = start + 1;
  if (pattern.charAt(i) === "!" || pattern.charAt(i) === "^")
    i++;
  let sawStart = false;
  for (; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "]" && sawStart)
      return i;
    sawStart = true;
    if (c === "\\")
      i++;
  }
  return -1;
};
var literal = (pattern, noext) => {
  if (!noext && (pattern === "+()" || pattern === "@()"))
    return pattern;
  let lit2 = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      lit2 += pattern.charAt(++i) || c;
    } else if (c === "*" || c === "?") {
      return void 0;
    } else if (c === "[") {
      const close = classEnd(pattern, i);
      if (close === -1) {
        lit2 += c;
        continue;
      }
      let body = pattern.slice(i + 1, close);
      if (body.startsWith("\\"))
        body = body.slice(1);
      if ([...body].length !== 1 || "!^".includes(pattern.charAt(i + 1))) {
        return void 0;
      }
      lit2 += body;
      i = close;
    } else if (!noext && "+@!".includes(c) && pattern.charAt(i + 1) === "(" && pattern.includes(")", i + 2)) {
      return void 0;
    } else {
      lit2 += c;
    }
  }
  return lit2;
};
var MAX_EXTGLOBS = 256;
var extglobCount = (pattern) => {
  let n = 0;
  for (let i = 0; i < pattern.length - 1; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      i++;
    } else if ("+@!?*".includes(c) && pattern.charAt(i + 1) === "(") {
      n++;
      i++;
    }
  }
  return n;
};
var assertValidExtglobs = (pattern) => {
  if (extglobCount(pattern) > MAX_EXTGLOBS) {
    throw new TypeError("pattern has too many extglobs");
  }
};
var extSafe = (pattern) => {
  if (/^[?*+@]\(\)$/.test(pattern) || pattern.includes("[:"))
    return false;
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      if (++i === pattern.length)
        return false;
    } else if (c === "[") {
      const close = classEnd(pattern, i);
      if (close !== -1)
        i = close;
    } else if ("+@!?*".includes(c) && pattern.charAt(i + 1) === "(") {
      depth++;
      i++;
    } else if (c === ")") {
      if (!depth--)
        return false;
    } else if (c === "|" && !depth) {
      return false;
    }
  }
  return !depth;
};
var lastSplit;
var lastChecked;
var portionMatch = (p, f) => typeof p === "string" ? f === p : f !== "" && p.testUnchecked(f);
var endIndex = (p, last, lastStart, prev, prevStart) => portionMatch(p, last) ? lastStart : prev !== void 0 && portionMatch(p, prev) ? prevStart : -1;
var isDots = (p) => p === "." || p === "..";
var isDrive = (p) => typeof p === "string" && /^[a-z]:$/i.test(p);
var isLongUNC = (p) => typeof p === "string" && /^unc$/i.test(p);
var uncHost = (p) => {
  if (p[0] !== "" || p[1] !== "")
    return -1;
  const h = p[2] !== "?" ? 2 : isLongUNC(p[3]) ? 4 : -1;
  const host = p[h];
  const share = p[h + 1];
  return h !== -1 && host !== void 0 && host !== "" && host !== GLOBSTAR && share !== void 0 && share !== "" && share !== GLOBSTAR ? h : -1;
};
var walkable = (p, dot) => !isDots(p) && (dot || !p.startsWith("."));
var dotPortion = (f, start, end, dot, sep3) => {
  for (let k = start; k < end; ) {
    if (f.charCodeAt(k) === 46) {
      if (!dot)
        return true;
      const n = f.charCodeAt(k + 1) === 46 ? k + 2 : k + 1;
      if (n >= end || isSep(f.charCodeAt(n), sep3))
        return true;
    }
    const s = nextSep(f, k, sep3);
    if (s === -1)
      return false;
    k = s + 1;
    while (k < end && isSep(f.charCodeAt(k), sep3))
      k++;
  }
  return false;
};
var isSep = (c, sep3) => sep3 === "/" ? c === 47 : sep3 === "\\" ? c === 92 : c === 47 || c === 92;
var nextSep = (f, from, sep3) => {
  if (sep3 !== "both")
    return f.indexOf(sep3, from);
  const s = f.indexOf("/", from);
  const b = f.indexOf("\\", from);
  return s === -1 ? b : b === -1 ? s : Math.min(s, b);
};
var lastSep = (f, from, sep3) => sep3 !== "both" ? f.lastIndexOf(sep3, from) : Math.max(f.lastIndexOf("/", from), f.lastIndexOf("\\", from));
var PENDING = {};
var Minimatch = class {
  options;
  set;
  pattern;
  windowsPathsNoEscape;
  nonegate;
  negate;
  comment;
  empty;
  preserveMultipleSlashes;
  partial;
  globSet;
  globParts;
  nocase;
  isWindows;
  platform;
  windowsNoMagicRoot;
  maxGlobstarRecursion;
  // the path can be checked against the last portion, and the string
  // portions, of each row before it is split. See #canMatch.
  #endCheck;
  #literalCheck;
  // level 2 resolves `.` and `..` portions in the path
  #level2;
  // the unicode normalization form, if any
  #form;
  // the string portions of each row in the set
  #literals = [];
  // the rows that #canMatch can match without splitting the path
  #shapes = [];
  // the rows whose last portion can be checked against the path's
  #endRows = [];
  // brace expansion can make the same portion in many rows, so they
  // share one Matcher, and the states that it caches
  #matchers = /* @__PURE__ */ new Map();
  // parse() returns PENDING in place of a Matcher
  #pending = false;
  // the char that marks numeric ranges in globSet, if any
  #rangeMark;
  // the GlobstarParts of each pattern row, by start index and partial
  #globstarParts = /* @__PURE__ */ new WeakMap();
  constructor(pattern, options = {}) {
    assertValidPattern(pattern);
    options = options || {};
    this.options = options;
    this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? DEFAULT_GLOB_STAR_RECURSION_MAX;
    this.pattern = pattern;
    this.platform = options.platform || defaultPlatform;
    this.isWindows = this.platform === "win32";
    this.windowsPathsNoEscape = !!options.windowsPathsNoEscape || options[AWE_KEY] === false;
    if (this.windowsPathsNoEscape) {
      this.pattern = this.pattern.replace(/\\/g, "/");
    }
    this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
    this.negate = false;
    this.nonegate = !!options.nonegate;
    this.comment = false;
    this.empty = false;
    this.partial = !!options.partial;
    this.nocase = !!this.options.nocase;
    this.windowsNoMagicRoot = options.windowsNoMagicRoot !== void 0 ? options.windowsNoMagicRoot : !!(this.isWindows && this.nocase);
    this.globSet = [];
    this.globParts = [];
    this.set = [];
    this.#endCheck = !this.preserveMultipleSlashes;
    this.#level2 = (options.optimizationLevel ?? 1) >= 2;
    const n = options.normalize;
    this.#form = n === true ? "NFC" : n || void 0;
    this.make();
    const drives = this.set.map((row) => this.#rootIndex(row));
    this.#endRows = this.set.map((row, r) => this.#endCheck && row.length - 1 > drives[r]);
    this.#literals = this.set.map((row, r) => {
      const end = this.#endRows[r] ? row.length - 1 : row.length;
      const lits = row.slice(drives[r] + 1, end).filter((p) => typeof p === "string" && !!p);
      return [...new Set(lits)];
    });
    this.#literalCheck = this.#literals.some((l) => l.length);
    this.#shapes = this.set.map((row, r) => {
      const [p0, p1, p2] = row;
      if (this.#endRows[r] && row.length === 2) {
        if (p0 === GLOBSTAR && p1 !== GLOBSTAR)
          return "tail";
      }
      if (this.#endRows[r] && options.matchBase && row.length === 1 && p0 !== GLOBSTAR && p0 !== "") {
        return "base";
      }
      if (!this.#endCheck || drives[r] !== -1)
        return void 0;
      if (row.length === 3 && p0 === GLOBSTAR && p2 === GLOBSTAR && p1 !== GLOBSTAR && p1 !== "" && // the portion between is only matched below this limit
      this.maxGlobstarRecursion > 0) {
        return "mid";
      }
      if (row.length === 2 && p1 === GLOBSTAR && p0 !== GLOBSTAR && p0 !== "") {
        return "head";
      }
      return void 0;
    });
  }
  // a string portion of a pattern, normalized if the option is set
  #norm(p) {
    return this.#form ? p.normalize(this.#form) : p;
  }
  // On Windows, the index of the last root portion of a row, as
  // #matchRow finds it: 0 for `c:/...`, 3 for `//?/c:/...` and
  // `//host/share/...`, and 5 for `//?/UNC/host/share/...`. Otherwise
  // -1.
  #rootIndex(row) {
    if (!this.isWindows)
      return -1;
    if (isDrive(row[0]))
      return 0;
    const uncDrive = row[0] === "" && row[1] === "" && row[2] === "?" && isDrive(row[3]);
    if (uncDrive)
      return 3;
    const h = uncHost(row);
    return h === -1 ? -1 : h + 1;
  }
  hasMagic() {
    if (this.options.magicalBraces && this.set.length > 1) {
      return true;
    }
    for (const pattern of this.set) {
      for (const part of pattern) {
        if (typeof part !== "string")
          return true;
      }
    }
    return false;
  }
  make() {
    const pattern = this.pattern;
    const options = this.options;
    if (!options.nocomment && pattern.charAt(0) === "#") {
      this.comment = true;
      return;
    }
    if (!pattern) {
      this.empty = true;
      return;
    }
    this.parseNegate();
    this.globSet = [...new Set(this.#expandBraces())];
    const rawGlobParts = this.globSet.map((s) => this.#slashSplit(s));
    this.globParts = this.preprocess(rawGlobParts);
    this.#pending = true;
    let set2 = this.globParts.map((s, _, __) => {
      if (this.isWindows && this.windowsNoMagicRoot) {
        const n = s[2] === "?" && isLongUNC(s[3]) ? 6 : 4;
        const isUNC = s[0] === "" && s[1] === "" && (s[2] === "?" || !globMagic.test(s[2])) && s.slice(3, n).every((p) => !globMagic.test(p));
        const isDrive2 = /^[a-z]:/i.test(s[0]);
        if (isUNC) {
          return [
            ...s.slice(0, n).map((p) => this.#norm(p)),
            ...s.slice(n).map((ss) => this.parse(ss))
          ];
        } else if (isDrive2) {
          return [
            this.#norm(s[0]),
            ...s.slice(1).map((ss) => this.parse(ss))
          ];
        }
      }
      return s.map((ss) => this.parse(ss));
    });
    this.set = set2.filter((s) => s.indexOf(false) === -1);
    if (this.isWindows) {
      for (let i = 0; i < this.set.length; i++) {
        const p = this.set[i];
        if (p[0] === "" && p[1] === "" && this.globParts[i][2] === "?" && (isDrive(p[3]) || isLongUNC(this.globParts[i][3]))) {
          if (isLongUNC(this.globParts[i][3]))
            p[3] = "UNC";
          p[2] = "?";
        }
      }
    }
    if (!options.noext)
      this.mergeRows();
    this.#pending = false;
    this.set.forEach((row, i) => {
      for (let k = 0; k < row.length; k++) {
        if (row[k] === PENDING) {
          row[k] = this.parse(this.globParts[i][k]);
        }
      }
    });
  }
  // Merge rows that only differ in one portion, where each of them
  // is a Matcher, into one row that matches any of them with
  // `@(a|b|...)`. Then a path is only walked once for all of them,
  // for example with `**/*.{js,ts}`.
  mergeRows() {
    let merged = true;
    while (merged) {
      merged = false;
      if (this.set.length < 2)
        return;
      let keys = this.#mergeKeys();
      const len = Math.max(0, ...this.set.map((r) => r.length));
      for (let k = 0; k < len; k++) {
        const groups = /* @__PURE__ */ new Map();
        const R = this.set.length + 1;
        this.set.forEach((row, i) => {
          if (!(row[k] instanceof Matcher || row[k] === PENDING) || !extSafe(this.globParts[i][k])) {
            return;
          }
          const { pre, suf } = keys[i];
          const key = pre[k] * R + suf[k + 1];
          const g = groups.get(key);
          if (g)
            g.push(i);
          else
            groups.set(key, [i]);
        });
        const drop = /* @__PURE__ */ new Set();
        for (const g of groups.values()) {
          if (g.length < 2)
            continue;
          const [first, ...rest] = g;
          const alts = g.map((i) => this.globParts[i][k]);
          const glob = `@(${alts.join("|")})`;
          if (extglobCount(glob) > MAX_EXTGLOBS)
            continue;
          this.globParts[first][k] = glob;
          this.set[first][k] = this.parse(glob);
          for (const i of rest)
            drop.add(i);
        }
        if (drop.size) {
          merged = true;
          this.set = this.set.filter((_, i) => !drop.has(i));
          this.globParts = this.globParts.filter((_, i) => !drop.has(i));
          if (this.set.length < 2)
            return;
          keys = this.#mergeKeys();
        }
      }
    }
  }
  // For each row, number ids for its prefixes and suffixes, such that
  // pre[k] identifies parts[0..k) and suf[k] identifies parts[k..n).
  // Two rows are the same other than at portion k exactly when they
  // have the same pre[k] and suf[k + 1]. This is linear in the size of
  // the rows, where joining the whole row for every k was quadratic.
  #mergeKeys() {
    const partIds = /* @__PURE__ */ new Map();
    const ids = this.globParts.map((parts) => parts.map((s) => {
      let id = partIds.get(s);
      if (id === void 0)
        partIds.set(s, id = partIds.size);
      return id;
    }));
    const P = partIds.size;
    const len = Math.max(0, ...ids.map((r) => r.length));
    const keys = ids.map((r) => ({
      pre: [0],
      suf: new Array(r.length + 1).fill(0)
    }));
    for (let k = 0; k < len; k++) {
      const m = /* @__PURE__ */ new Map();
      ids.forEach((r, i) => {
        if (k >= r.length)
          return;
        const { pre } = keys[i];
        const key = pre[k] * P + r[k];
        let id = m.get(key);
        if (id === void 0)
          m.set(key, id = m.size + 1);
        pre.push(id);
      });
    }
    for (let k = len - 1; k >= 0; k--) {
      const m = /* @__PURE__ */ new Map();
      ids.forEach((r, i) => {
        if (k >= r.length)
          return;
        const { suf } = keys[i];
        const key = suf[k + 1] * P + r[k];
        let id = m.get(key);
        if (id === void 0)
          m.set(key, id = m.size + 1);
        suf[k] = id;
      });
    }
    return keys;
  }
  // various transforms to equivalent pattern sets that are
  // faster to process in a filesystem walk.  The goal is to
  // eliminate what we can, and push all ** patterns as far
  // to the right as possible, even if it increases the number
  // of patterns that we have to process.
  preprocess(globParts) {
    if (this.options.noglobstar) {
      for (const partset of globParts) {
        for (let j = 0; j < partset.length; j++) {
          if (partset[j] === "**") {
            partset[j] = "*";
          }
        }
      }
    }
    const { optimizationLevel = 1 } = this.options;
    if (optimizationLevel >= 2) {
      globParts = this.firstPhasePreProcess(globParts);
      globParts = this.secondPhasePreProcess(globParts);
    } else if (optimizationLevel >= 1) {
      globParts = this.levelOneOptimize(globParts);
    } else {
      globParts = this.adjascentGlobstarOptimize(globParts);
    }
    return globParts;
  }
  // just get rid of adjascent ** portions
  adjascentGlobstarOptimize(globParts) {
    return globParts.map((parts) => {
      let gs = -1;
      while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
        let i = gs;
        while (parts[i + 1] === "**") {
          i++;
        }
        if (i !== gs) {
          parts.splice(gs, i - gs);
        }
      }
      return parts;
    });
  }
  // get rid of adjascent ** and resolve .. portions
  levelOneOptimize(globParts) {
    return globParts.map((parts) => {
      const root = this.#rootIndex(parts) + 1;
      parts = parts.reduce((set2, part) => {
        const prev = set2[set2.length - 1];
        if (part === "**" && prev === "**") {
          return set2;
        }
        if (part === "..") {
          if (set2.length > root && prev && prev !== ".." && prev !== "." && prev !== "**") {
            set2.pop();
            return set2;
          }
        }
        set2.push(part);
        return set2;
      }, []);
      return parts.length === 0 ? [""] : parts;
    });
  }
  // Check the path against each row before it is split. 'no' if no
  // row can match, so it does not need to be split. 'yes' if a row of
  // `**` and one more portion matches. 'maybe' if it must be split to
  // know. None of this applies with partial, where the path can end
  // before the row does.
  //
  // On Windows, `\` is a separator in the path too, and the portions of
  // a row up to its drive letter or UNC share are not checked (see
  // #rootIndex).
  //
  // Each string portion of a row must be a portion of the path, so the
  // path must contain it. Level 2 can only take portions out of the
  // path, so this is still true then.
  //
  // The last portion of a row must match the last portion of the path,
  // or the one before a trailing `/` (as a/* and a/**/* match a/b/).
  // This does not apply to rows that end in **, rows that end in a
  // root, or preserveMultipleSlashes (which can leave more
  // than one '' at the end). At level 2, it does not apply if that
  // portion is `.` or `..`, which can be
  // resolved away. Level 2 only takes other portions out of the
  // middle of the path.
  //
  // A row of `**/x` then matches if the ** can walk the portions
  // before the one that x matches, the same as #matchGlobstar. At
  // level 2, this is only known if none of them are `.` or `..`, so
  // that the path does not change when it is resolved.
  #canMatch(f) {
    const sep3 = !this.isWindows || !f.includes("\\") ? "/" : f.includes("/") ? "both" : "\\";
    let ends = this.#endCheck ? 0 : -1;
    let last = "";
    let lastStart = 0;
    let prev;
    let prevStart = 0;
    const dot = !!this.options.dot;
    ROWS: for (let r = 0; r < this.set.length; r++) {
      const row = this.set[r];
      const p = row[row.length - 1];
      let end = ends !== -1 && this.#endRows[r] && p !== GLOBSTAR;
      if (end && ends === 0) {
        const i = lastSep(f, f.length, sep3);
        lastStart = i + 1;
        last = f.slice(lastStart);
        if (last === "" && i >= 0) {
          let j = i;
          while (j > 0 && isSep(f.charCodeAt(j - 1), sep3))
            j--;
          prevStart = j === 0 ? 0 : lastSep(f, j - 1, sep3) + 1;
          prev = f.slice(prevStart, j);
        }
        const resolves2 = this.#level2 && (isDots(last) || last === "" && prev !== void 0 && isDots(prev));
        ends = resolves2 ? -1 : 1;
        end = !resolves2;
      }
      let tailStart = -1;
      if (end && typeof p === "string") {
        tailStart = endIndex(p, last, lastStart, prev, prevStart);
        if (tailStart === -1)
          continue;
      }
      if (this.#literalCheck) {
        for (const l of this.#literals[r]) {
          if (!f.includes(l))
            continue ROWS;
        }
      }
      if (end && typeof p === "object") {
        tailStart = endIndex(p, last, lastStart, prev, prevStart);
        if (tailStart === -1)
          continue;
      }
      const shape = this.#shapes[r];
      if (shape === "base" && end)
        return "yes";
      if (shape === "tail" && end) {
        if (this.#level2 && dotPortion(f, 0, tailStart, true, sep3)) {
          return "maybe";
        }
        if (!dotPortion(f, 0, tailStart, dot, sep3))
          return "yes";
        continue;
      }
      if (shape === "mid" || shape === "head") {
        const m = this.#walk(f, row, shape === "head", dot, sep3);
        if (m !== "no")
          return m;
        continue;
      }
      return "maybe";
    }
    return "no";
  }
  // Match a row of a known shape against the split path, the same as
  // #matchGlobstar and #matchGlobStarBodySections do. None of these
  // rows have a drive letter, so they start at the first portion.
  #matchShape(file, row, shape) {
    const dot = !!this.options.dot;
    const n = file.length;
    if (shape === "head") {
      if (n < 2 || !portionMatch(row[0], file[0])) {
        return false;
      }
      for (let i = 1; i < n; i++)
        if (!walkable(file[i], dot))
          return false;
      return true;
    }
    const x = row[1];
    if (shape === "tail") {
      let t = n - 1;
      if (!portionMatch(x, file[t])) {
        if (file[t] !== "" || n === 1 || !portionMatch(x, file[--t])) {
          return false;
        }
      }
      for (let i = 0; i < t; i++)
        if (!walkable(file[i], dot))
          return false;
      return true;
    }
    for (let k = 0; k < n; k++) {
      if (portionMatch(x, file[k]) && k + 1 < n) {
        let i = k + 1;
        while (i < n && walkable(file[i], dot))
          i++;
        if (i === n)
          return true;
      }
      if (!walkable(file[k], dot))
        return false;
    }
    return false;
  }
  // Match a row of `**/x/**` or `x/**` against the path, the same as
  // #matchGlobstar and #matchGlobStarBodySections do once it is split.
  // x must match a portion (the first one, for `x/**`), the ** before
  // it must be able to walk the portions before that one, and there
  // must be a portion after it, which the ** after it can walk. At
  // level 2, this is only known if no portion is `.` or `..`.
  #walk(f, row, head, dot, sep3) {
    if (this.#level2 && dotPortion(f, 0, f.length, true, sep3))
      return "maybe";
    const x = row[head ? 0 : 1];
    let s = 0;
    for (let e = nextSep(f, s, sep3); e !== -1; e = nextSep(f, s, sep3)) {
      let next = e + 1;
      while (next < f.length && isSep(f.charCodeAt(next), sep3))
        next++;
      const hit = typeof x === "string" ? e - s === x.length && f.startsWith(x, s) : e > s && x.testUnchecked(f.slice(s, e));
      if (hit && !dotPortion(f, next, f.length, dot, sep3))
        return "yes";
      if (head || dotPortion(f, s, next, dot, sep3))
        return "no";
      s = next;
    }
    return "no";
  }
  // the last split, if it was the same path with the same split
  // settings
  #cachedSplit(f) {
    const last = lastSplit;
    return last?.f === f && last.isWindows === this.isWindows && last.preserveMultipleSlashes === this.preserveMultipleSlashes && last.normalize === this.#form ? last : void 0;
  }
  // split a path for match(), and keep the parts for the next call
  #split(f) {
    const { isWindows, preserveMultipleSlashes } = this;
    let parts = this.#slashSplit(isWindows ? f.split("\\").join("/") : f);
    const normalize2 = this.#form;
    if (normalize2)
      parts = parts.map((p) => p.normalize(normalize2));
    lastSplit = {
      f,
      isWindows,
      preserveMultipleSlashes,
      normalize: normalize2,
      parts
    };
    return lastSplit;
  }
  // resolve `.` and `..` portions of a path, for level 2
  #levelTwoFileOptimize(file) {
    const parts = [...file];
    let didSomething = false;
    do {
      didSomething = false;
      if (!this.preserveMultipleSlashes) {
        for (let i = 1; i < parts.length - 1; i++) {
          const p = parts[i];
          if (i === 1 && p === "" && parts[0] === "")
            continue;
          if (p === "." || p === "") {
            didSomething = true;
            parts.splice(i, 1);
            i--;
          }
        }
        if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
          didSomething = true;
          parts.pop();
        }
      }
      const root = this.#rootIndex(parts) + 1;
      let dd = root;
      while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
        const p = parts[dd - 1];
        if (p && p !== "." && p !== ".." && p !== "**") {
          didSomething = true;
          parts.splice(dd - 1, 2);
          dd = Math.max(dd - 2, root);
        }
      }
    } while (didSomething);
    return parts.length === 0 ? [""] : parts;
  }
  // First phase: single-pattern processing
  // <pre> is 1 or more portions
  // <rest> is 1 or more portions
  // <p> is any portion other than ., .., '', or **
  // <e> is . or ''
  //
  // **/.. is *brutal* for filesystem walking performance, because
  // it effectively resets the recursive walk each time it occurs,
  // and ** cannot be reduced out by a .. pattern part like a regexp
  // or most strings (other than .., ., and '') can be.
  //
  // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
  // <pre>/<e>/<rest> -> <pre>/<rest>
  // <pre>/<p>/../<rest> -> <pre>/<rest>
  // **/**/<rest> -> **/<rest>
  //
  // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
  // this WOULD be allowed if ** did follow symlinks, or * didn't
  firstPhasePreProcess(globParts) {
    const { braceExpandMax = DEFAULT_BRACE_EXPAND_MAX } = this.options;
    let splitCells = 0;
    const maxSplitCells = 1e6;
    let didSomething = false;
    do {
      didSomething = false;
      for (let parts of globParts) {
        let gs = -1;
        while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
          let gss = gs;
          while (parts[gss + 1] === "**") {
            gss++;
          }
          if (gss > gs) {
            parts.splice(gs + 1, gss - gs);
          }
          let next = parts[gs + 1];
          const p = parts[gs + 2];
          const p2 = parts[gs + 3];
          if (next !== "..")
            continue;
          if (!p || p === "." || p === ".." || !p2 || p2 === "." || p2 === "..") {
            continue;
          }
          const addedCells = parts.length - 1;
          if (globParts.length >= braceExpandMax || splitCells + addedCells > maxSplitCells) {
            throw new RangeError(`optimizationLevel 2: too many patterns from '**/..'`);
          }
          didSomething = true;
          parts.splice(gs, 1);
          const other = parts.slice(0);
          other[gs] = "**";
          splitCells += addedCells;
          globParts.push(other);
          gs--;
        }
        if (!this.preserveMultipleSlashes) {
          for (let i = 1; i < parts.length - 1; i++) {
            const p = parts[i];
            if (i === 1 && p === "" && parts[0] === "")
              continue;
            if (p === "." || p === "") {
              didSomething = true;
              parts.splice(i, 1);
              i--;
            }
          }
          if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
            didSomething = true;
            parts.pop();
          }
        }
        const root = this.#rootIndex(parts) + 1;
        let dd = root;
        while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
          const p = parts[dd - 1];
          if (p && p !== "." && p !== ".." && p !== "**") {
            didSomething = true;
            const needDot = dd === 1 && parts[dd + 1] === "**";
            const splin = needDot ? ["."] : [];
            parts.splice(dd - 1, 2, ...splin);
            if (parts.length === 0)
              parts.push("");
            dd = Math.max(dd - 2, root);
          }
        }
      }
    } while (didSomething);
    return globParts;
  }
  // second phase: multi-pattern dedupes
  // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
  // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
  secondPhasePreProcess(globParts) {
    const keys = /* @__PURE__ */ new Set();
    const rows = globParts.filter((parts) => {
      const key = parts.join("/");
      if (keys.has(key))
        return false;
      keys.add(key);
      return true;
    });
    const stars = /* @__PURE__ */ new Map();
    for (const parts of rows) {
      const s = [];
      for (let i = 0; i < parts.length; i++) {
        if (parts[i] === "*")
          s.push(i);
      }
      if (s.length)
        stars.set(s.join(","), s);
    }
    if (!stars.size || rows.length * stars.size > 1e5)
      return rows;
    const { dot } = this.options;
    return rows.filter((parts) => {
      for (const s of stars.values()) {
        if (s[s.length - 1] >= parts.length)
          continue;
        const c = [...parts];
        let ok = true;
        let changed = false;
        for (const i of s) {
          const p = parts[i];
          if (p === "*")
            continue;
          if (!p || p === "**" || !dot && p.startsWith(".")) {
            ok = false;
            break;
          }
          c[i] = "*";
          changed = true;
        }
        if (ok && changed && keys.has(c.join("/")))
          return false;
      }
      return true;
    });
  }
  parseNegate() {
    if (this.nonegate)
      return;
    const pattern = this.pattern;
    let negate = false;
    let negateOffset = 0;
    for (let i = 0; i < pattern.length && pattern.charAt(i) === "!"; i++) {
      negate = !negate;
      negateOffset++;
    }
    if (negateOffset)
      this.pattern = pattern.slice(negateOffset);
    this.negate = negate;
  }
  // Match the parts of a path against one row of the set. `resolved`
  // is the parts after level 2 resolves `.` and `..` in them, or the
  // same parts below level 2. Set partial to true to test if, for
  // example, "/a/b" matches the start of "/*/b/*/d". Partial means, if
  // you run out of file before you run out of pattern, then that's
  // fine, as long as all the parts match.
  #matchRow(file, resolved2, pattern, partial) {
    let fileStartIndex = 0;
    let patternStartIndex = 0;
    const fh = this.isWindows ? uncHost(resolved2) : -1;
    const ph = fh === -1 ? -1 : uncHost(pattern);
    if (ph !== -1) {
      const host = pattern[ph];
      const share = pattern[ph + 1];
      if (typeof host !== "string" || typeof share !== "string") {
        fileStartIndex = fh;
        patternStartIndex = ph;
      } else if (resolved2[fh].toLowerCase() === host.toLowerCase() && resolved2[fh + 1].toLowerCase() === share.toLowerCase()) {
        fileStartIndex = fh + 2;
        patternStartIndex = ph + 2;
      }
    } else if (this.isWindows) {
      const fileDrive = typeof file[0] === "string" && /^[a-z]:$/i.test(file[0]);
      const fileUNC = !fileDrive && file[0] === "" && file[1] === "" && file[2] === "?" && /^[a-z]:$/i.test(file[3]);
      const patternDrive = typeof pattern[0] === "string" && /^[a-z]:$/i.test(pattern[0]);
      const patternUNC = !patternDrive && pattern[0] === "" && pattern[1] === "" && pattern[2] === "?" && typeof pattern[3] === "string" && /^[a-z]:$/i.test(pattern[3]);
      const fdi = fileUNC ? 3 : fileDrive ? 0 : void 0;
      const pdi = patternUNC ? 3 : patternDrive ? 0 : void 0;
      if (typeof fdi === "number" && typeof pdi === "number") {
        const [fd, pd] = [
          file[fdi],
          pattern[pdi]
        ];
        if (fd.toLowerCase() === pd.toLowerCase()) {
          patternStartIndex = pdi + 1;
          fileStartIndex = fdi + 1;
        }
      }
    }
    file = resolved2;
    if (pattern.includes(GLOBSTAR)) {
      return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
  }
  #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
    const { head, body, tail, segments } = this.#getGlobstarParts(pattern, partial, patternIndex);
    if (head.length) {
      const headEnd = fileIndex + head.length;
      if (!this.#matchOne(file, head, partial, fileIndex, 0, headEnd)) {
        return false;
      }
      fileIndex += head.length;
      patternIndex += head.length;
    }
    let fileTailMatch = 0;
    if (tail.length) {
      if (tail.length + fileIndex > file.length)
        return false;
      let tailStart = file.length - tail.length;
      if (this.#matchOne(file, tail, partial, tailStart, 0)) {
        fileTailMatch = tail.length;
      } else {
        if (file[file.length - 1] !== "" || fileIndex + tail.length === file.length) {
          return false;
        }
        tailStart--;
        if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
          return false;
        }
        fileTailMatch = tail.length + 1;
      }
    }
    if (!body.length) {
      let sawSome = !!fileTailMatch;
      for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
        const f = String(file[i]);
        sawSome = true;
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return partial || sawSome;
    }
    return !!this.#matchGlobStarBodySections(file, segments, file.length - fileTailMatch, fileIndex, 0, partial, 0, !!fileTailMatch, /* @__PURE__ */ new Set());
  }
  // Split the pattern into head, tail, and middle of ** delimited
  // parts. The tail has to be at the end, and the others just have to
  // be found in order from the head. These only depend on the pattern
  // row, so they are kept for the next path.
  #getGlobstarParts(pattern, partial, patternIndex) {
    let byStart = this.#globstarParts.get(pattern);
    if (!byStart) {
      byStart = [];
      this.#globstarParts.set(pattern, byStart);
    }
    const key = patternIndex * 2 + (partial ? 1 : 0);
    const found = byStart[key];
    if (found)
      return found;
    const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
    const lastgs = pattern.lastIndexOf(GLOBSTAR);
    const head = pattern.slice(patternIndex, firstgs);
    const body = pattern.slice(firstgs + 1, partial ? void 0 : lastgs);
    const tail = partial ? [] : pattern.slice(lastgs + 1);
    const segments = [[[], 0]];
    let current = segments[0];
    let nonGsParts = 0;
    const nonGsPartsSums = [0];
    for (const b of body) {
      if (b === GLOBSTAR) {
        nonGsPartsSums.push(nonGsParts);
        current = [[], 0];
        segments.push(current);
      } else {
        current[0].push(b);
        nonGsParts++;
      }
    }
    segments.forEach((b, i) => {
      b[1] = nonGsParts - nonGsPartsSums[i];
    });
    const parts = { head, body, tail, segments };
    byStart[key] = parts;
    return parts;
  }
  // return false for "nope, not matching"
  // return null for "not matching, cannot keep trying"
  #matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex, bodyIndex, partial, globStarDepth, sawTail, tried) {
    const bs = bodySegments[bodyIndex];
    if (!bs) {
      if (partial) {
        return fileIndex >= fileLength || fileIndex === fileLength - 1 && file[fileIndex] === "";
      }
      for (let i = fileIndex; i < fileLength; i++) {
        sawTail = true;
        const f = file[i];
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return sawTail;
    }
    const [body, need] = bs;
    const after = partial ? fileLength : fileLength - need;
    while (fileIndex <= after) {
      const key = bodyIndex * (file.length + 1) + fileIndex;
      if (tried.has(key))
        return false;
      tried.add(key);
      const m = this.#matchOne(file, body, partial, fileIndex, 0, fileIndex + body.length);
      if (m && globStarDepth < this.maxGlobstarRecursion) {
        const sub = this.#matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail, tried);
        if (sub !== false) {
          return sub;
        }
      }
      if (fileIndex === after)
        break;
      const f = file[fileIndex];
      if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
        return false;
      }
      fileIndex++;
    }
    return partial || null;
  }
  #matchOne(file, pattern, partial, fileIndex, patternIndex, fileEnd = file.length) {
    let fi;
    let pi;
    let pl;
    let fl;
    for (fi = fileIndex, pi = patternIndex, fl = Math.min(fileEnd, file.length), pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
      let p = pattern[pi];
      let f = file[fi];
      if (p === false || p === GLOBSTAR) {
        return false;
      }
      if (!portionMatch(p, f))
        return false;
    }
    if (fi === fl && pi === pl) {
      return true;
    } else if (fi === fl) {
      return partial;
    } else if (pi === pl) {
      return fi === fl - 1 && file[fi] === "";
    } else {
      throw new Error("wtf?");
    }
  }
  braceExpand() {
    return braceExpand(this.pattern, this.options);
  }
  // Expand braces, except numeric ranges such as {0..999} with at
  // least RANGE_MIN values. Each of those stays in its pattern as
  // `<mark>0..999<mark>`, for the Matcher to test. If a range might
  // be inside a [...] class, expand all of them instead.
  #expandBraces() {
    const { pattern } = this;
    if (this.options.nobrace)
      return this.braceExpand();
    let code = 57344;
    while (pattern.includes(String.fromCharCode(code))) {
      if (++code > 63743)
        return this.braceExpand();
    }
    const mark = String.fromCharCode(code);
    let found = false;
    const marked = pattern.replace(rangeRe, (m, lo, hi) => {
      const a = Number(lo);
      const b = Number(hi);
      if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || Math.abs(a - b) + 1 < RANGE_MIN) {
        return m;
      }
      found = true;
      return `${mark}${lo}..${hi}${mark}`;
    });
    if (!found)
      return this.braceExpand();
    const set2 = braceExpand(marked, this.options);
    for (const p of set2) {
      for (const portion of p.split("/")) {
        const c = portion.indexOf("[");
        if (c !== -1 && c < portion.lastIndexOf(mark)) {
          return this.braceExpand();
        }
        if (!this.options.noext && inRepeatOrNegExt(portion, mark)) {
          return this.braceExpand();
        }
      }
    }
    this.#rangeMark = mark;
    return set2;
  }
  parse(pattern) {
    assertValidPattern(pattern);
    const options = this.options;
    if (pattern === "**")
      return GLOBSTAR;
    if (pattern === "")
      return "";
    const { nocase, nocaseMagicOnly, noext = false, dot, normalize: normalize2 } = options;
    const rangeMark = this.#rangeMark;
    const lit2 = rangeMark && pattern.includes(rangeMark) ? void 0 : literal(pattern, noext);
    if (lit2 !== void 0 && !(nocase && !nocaseMagicOnly && pattern.toUpperCase() !== pattern.toLowerCase())) {
      return this.#norm(lit2);
    }
    if (this.#pending)
      return PENDING;
    let m = this.#matchers.get(pattern);
    if (!m) {
      if (!noext)
        assertValidExtglobs(pattern);
      m = new Matcher(pattern, {
        nocase,
        noext,
        dot,
        normalize: normalize2,
        ...rangeMark && { rangeMark }
      });
      this.#matchers.set(pattern, m);
    }
    return m;
  }
  #slashSplit(p) {
    if (this.preserveMultipleSlashes) {
      return p.split("/");
    } else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
      return ["", ...p.split(/\/+/)];
    } else {
      return p.split(/\/+/);
    }
  }
  match(f, partial = this.partial) {
    if (this.comment) {
      return false;
    }
    if (this.empty) {
      return f === "";
    }
    if (f === "/" && partial) {
      return true;
    }
    const options = this.options;
    let split = this.#cachedSplit(f);
    if (!split) {
      if (!partial && !this.#form && (this.#endCheck || this.#literalCheck) && lastChecked !== f) {
        lastChecked = f;
        const can = this.#canMatch(f);
        if (can === "no")
          return options.flipNegate ? false : this.negate;
        if (can === "yes")
          return options.flipNegate ? true : !this.negate;
      }
      split = this.#split(f);
    }
    const ff = split.parts;
    const resolved2 = this.#level2 ? split.resolved ??= this.#levelTwoFileOptimize(ff) : ff;
    const set2 = this.set;
    let filename = ff[ff.length - 1];
    if (!filename) {
      for (let i = ff.length - 2; !filename && i >= 0; i--) {
        filename = ff[i];
      }
    }
    for (let r = 0; r < set2.length; r++) {
      const pattern = set2[r];
      const shape = partial ? void 0 : this.#shapes[r];
      const hit = shape === "base" ? portionMatch(pattern[0], filename) : shape ? this.#matchShape(resolved2, pattern, shape) : options.matchBase && pattern.length === 1 ? this.#matchRow([filename], [filename], pattern, partial) : this.#matchRow(ff, resolved2, pattern, partial);
      if (hit) {
        if (options.flipNegate) {
          return true;
        }
        return !this.negate;
      }
    }
    if (options.flipNegate) {
      return false;
    }
    return this.negate;
  }
  static defaults(def) {
    return minimatch.defaults(def).Minimatch;
  }
};
minimatch.Minimatch = Minimatch;
minimatch.escape = escape;
minimatch.unescape = unescape;

// src/policy/patterns.ts
var minimatchOptions = { dot: true, nocomment: true, nonegate: true, nocase: false };
function balanced(pattern) {
  let inClass = false;
  let braces = 0;
  let parens = 0;
  for (const ch of pattern) {
    if (inClass) {
      if (ch === "]") inClass = false;
      continue;
    }
    if (ch === "[") inClass = true;
    else if (ch === "{") braces++;
    else if (ch === "}") braces--;
    else if (ch === "(") parens++;
    else if (ch === ")") parens--;
    if (braces < 0) return 'has a "}" without its "{"';
    if (parens < 0) return 'has a ")" without its "("';
  }
  if (inClass) return 'has a "[" without its "]"';
  if (braces > 0) return 'has a "{" without its "}"';
  if (parens > 0) return 'has a "(" without its ")"';
  return null;
}
function commonChecks(pattern) {
  if (pattern === "") return "must not be empty";
  if (pattern.trim() !== pattern) return "must not start or end with spaces";
  if (pattern.startsWith("!")) return 'negation ("!") is not supported: list the patterns that should match';
  if (pattern.includes("\\")) return 'must not contain "\\" (use "/" between folders; "\\" escapes in globs)';
  return balanced(pattern);
}
function checkFileGlob(pattern) {
  const common = commonChecks(pattern);
  if (common) return { ok: false, message: common };
  if (pattern.startsWith("/")) return { ok: false, message: 'must be relative to the repository root (no leading "/")' };
  if (pattern.split("/").includes("..")) return { ok: false, message: 'must not contain ".." (paths are inside the repository)' };
  return { ok: true };
}
function checkNamePattern(pattern) {
  const common = commonChecks(pattern);
  if (common) return { ok: false, message: common };
  if (pattern.includes("/")) return { ok: false, message: 'must not contain "/" (it is a name, not a path)' };
  if (pattern !== pattern.toLowerCase()) return { ok: false, message: "must be lowercase (Kubernetes names are, so it could never match)" };
  return { ok: true };
}
function checkImagePattern(pattern) {
  if (pattern === "") return { ok: false, message: "must not be empty" };
  if (/\s/.test(pattern)) return { ok: false, message: "must not contain spaces" };
  return { ok: true };
}
function normalisePath(path10) {
  let out = path10;
  while (out.startsWith("./")) out = out.slice(2);
  return out;
}
var compiled = /* @__PURE__ */ new Map();
function matcher(pattern) {
  let m = compiled.get(pattern);
  if (!m) {
    m = new Minimatch(pattern, minimatchOptions);
    compiled.set(pattern, m);
  }
  return m;
}
function matchFile(path10, patterns) {
  const normalised = normalisePath(path10);
  return patterns.find((p) => matcher(normalisePath(p)).match(normalised)) ?? null;
}
function matchName(name, patterns) {
  if (name === "") return null;
  return patterns.find((p) => matcher(p).match(name)) ?? null;
}
function imageRegExp(pattern) {
  const body = [...pattern].map((ch) => ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&")).join("");
  return new RegExp(`^${body}$`, "s");
}
function matchImage(image, patterns) {
  if (image === "") return null;
  return patterns.find((p) => imageRegExp(p).test(image)) ?? null;
}
function matchWildcard(value, patterns) {
  return patterns.find((p) => imageRegExp(p).test(value)) ?? null;
}

// src/policy/config.ts
var defaultConfigPath = ".github/pod-security.yaml";
var defaultPolicyConfig = {
  file: null,
  exemptions: { namespaces: [], runtimeClassNames: [] },
  rules: [],
  disable: []
};
function formatConfigError(error) {
  return `${error.file}:${error.line}: ${error.key}: ${error.message}`;
}
var topLevelKeys = [
  "level",
  "warn-level",
  "version",
  "warn-version",
  "namespace-labels",
  "strict",
  "opt-outs",
  "policy-changes",
  "preview-version",
  "exemptions",
  "rules",
  "disable",
  "render",
  "advice"
];
var exemptionKeys = ["namespaces", "runtimeClassNames"];
var ruleKeys = ["match", "level", "warn-level", "version", "warn-version"];
var matchKeys = ["namespaces", "files"];
var disableKeys = ["checks", "namespaces", "files", "workloads", "images", "reason"];
var renderKeys = ["charts", "timeout", "max-output-size"];
var renderTimeoutBounds = { unit: "seconds", integer: false, above: 0, max: 3600 };
var renderOutputBounds = { unit: "bytes", integer: true, above: 0, max: 1024 * 1024 * 1024 };
var chartKeys = ["chart", "release", "namespace", "values", "ci-values"];
var dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
var dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
function errorOf(parsed2) {
  return parsed2.ok ? "" : parsed2.error;
}
var levelError = errorOf(parseLevel(""));
var versionError = errorOf(parseVersion(""));
function describe(value) {
  if (value === null || value === void 0) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `a ${typeof value}`;
}
function shown(value) {
  return typeof value === "string" ? goQuote(value) : JSON.stringify(value);
}
var Reader2 = class {
  constructor(file, source) {
    this.file = file;
    this.source = source;
  }
  file;
  source;
  errors = [];
  line(path10) {
    return locate(this.source, path10).line;
  }
  at(path10) {
    return { file: this.file, line: this.line(path10), key: formatFieldPath(path10) };
  }
  error(path10, message) {
    this.errors.push({ file: this.file, line: this.line(path10), key: formatFieldPath(path10), message });
  }
  /** A mapping with only the allowed keys; unknown keys are errors, with a hint when one is close. */
  map(value, path10, allowed) {
    if (!isObject(value)) {
      this.error(path10, `must be a mapping (key: value), not ${describe(value)}`);
      return void 0;
    }
    for (const key of Object.keys(value)) {
      if (allowed.includes(key)) continue;
      const near = closest(key, allowed) ?? allowed.find((k) => k.replace(/-/g, "").toLowerCase() === key.replace(/[-_]/g, "").toLowerCase());
      const hint2 = near ? ` (did you mean "${near}"?)` : "";
      this.error([...path10, key], `unknown key "${key}"${hint2}; valid keys: ${allowed.join(", ")}`);
    }
    return value;
  }
  /**
   * A present key's value, or undefined when absent. A key written with no
   * value (`level:`) is an error rather than "use the default": it is
   * usually a half-finished edit.
   */
  present(map, key, path10) {
    if (!(key in map)) return void 0;
    const value = map[key];
    if (value === null || value === void 0) {
      this.error([...path10, key], "has no value; give one or remove the key");
      return void 0;
    }
    return value;
  }
  level(map, key, path10) {
    const value = this.present(map, key, path10);
    if (value === void 0) return void 0;
    if (typeof value === "string") {
      const parsed2 = parseLevel(value);
      if (parsed2.ok) return { value: parsed2.value, at: this.at([...path10, key]) };
      this.error([...path10, key], `Invalid value: ${goQuote(value)}: ${parsed2.error}`);
      return void 0;
    }
    this.error([...path10, key], `Invalid value: ${shown(value)} (${describe(value)}): ${levelError}`);
    return void 0;
  }
  version(map, key, path10) {
    const value = this.present(map, key, path10);
    if (value === void 0) return void 0;
    if (typeof value === "string") {
      const parsed2 = parseVersion(value);
      if (parsed2.ok) return { value: parsed2.value, at: this.at([...path10, key]) };
      this.error([...path10, key], `Invalid value: ${shown(value)}: ${parsed2.error}`);
      return void 0;
    }
    const hint2 = typeof value === "number" ? ' (a number: write versions as the string "v1.N")' : ` (${describe(value)})`;
    this.error([...path10, key], `Invalid value: ${shown(value)}${hint2}: ${versionError}`);
    return void 0;
  }
  bool(map, key, path10) {
    const value = this.present(map, key, path10);
    if (value === void 0) return void 0;
    if (typeof value === "boolean") return { value, at: this.at([...path10, key]) };
    this.error([...path10, key], `Invalid value: ${shown(value)}: must be true or false`);
    return void 0;
  }
  /**
   * A number within bounds (`timeout: 30`). A quoted number or one with a
   * unit (`"30"`, `30s`) is refused rather than guessed: the message says
   * the form to write.
   */
  number(map, key, path10, bounds) {
    const value = this.present(map, key, path10);
    if (value === void 0) return void 0;
    if (typeof value === "number" && withinBounds(value, bounds)) return { value, at: this.at([...path10, key]) };
    const written = typeof value === "number" ? String(value) : shown(value);
    const hint2 = typeof value === "string" ? ` (${describe(value)}: write the number alone, unquoted)` : "";
    this.error([...path10, key], `Invalid value: ${written}: must be ${boundsText(bounds)}${hint2}`);
    return void 0;
  }
  /** One of a few words. */
  oneOf(map, key, path10, allowed) {
    const value = this.present(map, key, path10);
    if (value === void 0) return void 0;
    if (typeof value === "string" && allowed.includes(value)) return { value, at: this.at([...path10, key]) };
    this.error([...path10, key], `Invalid value: ${shown(value)}: must be one of ${allowed.join(", ")}`);
    return void 0;
  }
  string(map, key, path10) {
    const value = this.present(map, key, path10);
    if (value === void 0) return void 0;
    if (typeof value === "string" && value.trim() !== "") return { value, at: this.at([...path10, key]) };
    this.error([...path10, key], typeof value === "string" ? "must not be empty" : `must be a string, not ${describe(value)}`);
    return void 0;
  }
  /**
   * A list of strings, each checked by `check`. `allowEmpty` is false where
   * an empty list would be ambiguous (does `namespaces: []` match nothing or
   * everything?). The valid items are returned even when others are not, so
   * that checks across items (duplicates) still run; the errors decide.
   */
  strings(map, key, path10, check, allowEmpty) {
    const value = this.present(map, key, path10);
    if (value === void 0) return void 0;
    const listPath = [...path10, key];
    if (!Array.isArray(value)) {
      this.error(listPath, `must be a list, not ${describe(value)} (write [${typeof value === "string" ? value : "\u2026"}])`);
      return void 0;
    }
    if (value.length === 0 && !allowEmpty) {
      this.error(listPath, "must not be empty: remove the key instead");
      return void 0;
    }
    const out = [];
    value.forEach((item, index) => {
      const itemPath = [...listPath, index];
      if (typeof item !== "string") {
        const hint2 = typeof item === "boolean" || typeof item === "number" ? " (quote it)" : "";
        this.error(itemPath, `Invalid value: ${shown(item)}: must be a string, not ${describe(item)}${hint2}`);
        return;
      }
      const result = check(item);
      if (!result.ok) {
        this.error(itemPath, `Invalid value: ${goQuote(item)}: ${result.message}`);
        return;
      }
      out.push({ value: item, at: this.at(itemPath) });
    });
    return out;
  }
  /** A list of maps. */
  list(map, key, path10) {
    const value = this.present(map, key, path10);
    if (value === void 0) return void 0;
    if (Array.isArray(value)) return value;
    this.error([...path10, key], `must be a list, not ${describe(value)}`);
    return void 0;
  }
  modeSettings(map, path10) {
    return dropUndefined({
      level: this.level(map, "level", path10),
      warnLevel: this.level(map, "warn-level", path10),
      version: this.version(map, "version", path10),
      warnVersion: this.version(map, "warn-version", path10)
    });
  }
};
function withinBounds(value, bounds) {
  return Number.isFinite(value) && value > bounds.above && value <= bounds.max && (!bounds.integer || Number.isInteger(value));
}
function boundsText(bounds) {
  return `${bounds.integer ? "a whole number" : "a number"} of ${bounds.unit} greater than ${bounds.above} and at most ${bounds.max}`;
}
function dropUndefined(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
}
function exactName(kind) {
  return (name) => {
    if (kind === "namespace") {
      if (name.length <= 63 && dns1123Label.test(name)) return { ok: true };
      return {
        ok: false,
        message: 'a namespace name must be a lowercase RFC 1123 label (lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters); exemptions are exact names, not patterns'
      };
    }
    if (name.length <= 253 && dns1123Subdomain.test(name)) return { ok: true };
    return {
      ok: false,
      message: 'a RuntimeClass name must be a lowercase RFC 1123 subdomain (lowercase letters, digits, "-" and ".", at most 253 characters); exemptions are exact names, not patterns'
    };
  };
}
function checkId(name) {
  return isCheckId(name) ? { ok: true } : { ok: false, message: unknownCheckText(name) };
}
function noDuplicates(reader, entries2) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const entry of entries2 ?? []) {
    if (seen.has(entry.value)) reader.errors.push({ ...entry.at, message: `Duplicate value: ${goQuote(entry.value)}` });
    else out.push(entry);
    seen.add(entry.value);
  }
  return out;
}
function duplicateKeys(reader, node, path10) {
  if ((0, import_yaml6.isAlias)(node)) return;
  if ((0, import_yaml6.isSeq)(node)) {
    node.items.forEach((item, index) => duplicateKeys(reader, item, [...path10, index]));
    return;
  }
  if (!(0, import_yaml6.isMap)(node)) return;
  const seen = /* @__PURE__ */ new Set();
  for (const pair2 of node.items) {
    if (!(0, import_yaml6.isScalar)(pair2.key)) continue;
    const key = String(pair2.key.value);
    if (key === "<<") continue;
    if (seen.has(key)) {
      const range2 = pair2.key.range;
      const line = range2 ? reader.source.lineCounter.linePos(range2[0]).line : reader.line(path10);
      reader.errors.push({ file: reader.file, line, key: formatFieldPath([...path10, key]), message: `duplicate key "${key}"; write each key once` });
    }
    seen.add(key);
    duplicateKeys(reader, pair2.value, [...path10, key]);
  }
}
function parseRule(reader, value, index) {
  const path10 = ["rules", index];
  const before = reader.errors.length;
  const map = reader.map(value, path10, ruleKeys);
  if (!map) return void 0;
  let namespaces = null;
  let files = null;
  if (!("match" in map)) {
    reader.error(path10, 'missing key "match" (with namespaces and/or files); a rule without conditions would be the top-level settings');
  }
  const matchValue = reader.present(map, "match", path10);
  if (matchValue !== void 0) {
    const matchPath = [...path10, "match"];
    const match2 = reader.map(matchValue, matchPath, matchKeys);
    if (match2) {
      namespaces = reader.strings(match2, "namespaces", matchPath, checkNamePattern, false)?.map((e) => e.value) ?? null;
      files = reader.strings(match2, "files", matchPath, checkFileGlob, false)?.map((e) => e.value) ?? null;
      if (!("namespaces" in match2) && !("files" in match2)) reader.error(matchPath, "must have namespaces and/or files");
    }
  }
  const settings = reader.modeSettings(map, path10);
  if (reader.errors.length > before) return void 0;
  if (Object.keys(settings).length === 0) {
    reader.error(path10, "sets nothing: give level, warn-level, version or warn-version");
    return void 0;
  }
  return { ...settings, index, at: reader.at(path10), namespaces, files };
}
function parseDisable(reader, value, index) {
  const path10 = ["disable", index];
  const map = reader.map(value, path10, disableKeys);
  if (!map) return void 0;
  const before = reader.errors.length;
  if (!("checks" in map)) reader.error(path10, 'missing key "checks" (the check IDs to disable, e.g. [hostPorts])');
  const checks2 = reader.strings(map, "checks", path10, checkId, false);
  const scope = (key, check) => reader.strings(map, key, path10, check, false)?.map((e) => e.value) ?? null;
  const namespaces = scope("namespaces", checkNamePattern);
  const files = scope("files", checkFileGlob);
  const workloads = scope("workloads", checkNamePattern);
  const images = scope("images", checkImagePattern);
  const reason4 = reader.string(map, "reason", path10);
  if (reader.errors.length > before || !checks2) return void 0;
  return {
    index,
    at: reader.at(path10),
    checks: [...new Set(checks2.map((c) => c.value))],
    namespaces,
    files,
    workloads,
    images,
    reason: reason4?.value ?? null
  };
}
var anyPath = () => ({ ok: true });
function parseRender(reader, value) {
  const map = reader.map(value, ["render"], renderKeys);
  if (!map) return void 0;
  const charts = (reader.list(map, "charts", ["render"]) ?? []).flatMap((entry, index) => {
    const path10 = ["render", "charts", index];
    const chart = reader.map(entry, path10, chartKeys);
    if (!chart) return [];
    if (!("chart" in chart)) reader.error(path10, `missing key "chart" (the chart's folder, e.g. charts/web)`);
    const folder = reader.string(chart, "chart", path10);
    const release = reader.string(chart, "release", path10);
    const namespace = reader.string(chart, "namespace", path10);
    const values = reader.strings(chart, "values", path10, anyPath, true);
    const ciValues = reader.bool(chart, "ci-values", path10);
    if (!folder) return [];
    return [
      dropUndefined({
        chart: folder.value.replace(/^\.\/|\/+$/g, ""),
        release: release?.value,
        namespace: namespace?.value,
        values: values?.map((v) => v.value.replace(/^\.\//, "")),
        ciValues: ciValues?.value
      })
    ];
  });
  const timeout = reader.number(map, "timeout", ["render"], renderTimeoutBounds);
  const maxOutputSize = reader.number(map, "max-output-size", ["render"], renderOutputBounds);
  return dropUndefined({ charts, timeout: timeout?.value, maxOutputSize: maxOutputSize?.value });
}
function parsePolicyConfig(text3, file) {
  const loaded = loadManifestFile(file, text3);
  if (loaded.problems.length > 0) {
    return { ok: false, errors: loaded.problems.map((p) => ({ file, line: p.line ?? 1, key: "(file)", message: p.message })) };
  }
  const [document, ...extra] = loaded.documents;
  if (!document) return { ok: true, config: { ...defaultPolicyConfig, file } };
  if (extra[0]) {
    const message = 'must hold one YAML document; remove the extra "---" and what follows';
    return { ok: false, errors: [{ file, line: extra[0].line, key: "(file)", message }] };
  }
  const reader = new Reader2(file, document.source);
  duplicateKeys(reader, document.source.doc.contents, []);
  const root = reader.map(document.value, [], topLevelKeys);
  if (!root) {
    return { ok: false, errors: reader.errors.map((e) => e.key === "" ? { ...e, key: "(top level)" } : e) };
  }
  const settings = reader.modeSettings(root, []);
  const namespaceLabels2 = reader.bool(root, "namespace-labels", []);
  const strict = reader.bool(root, "strict", []);
  const optOuts = reader.oneOf(root, "opt-outs", [], optOutsRules);
  const policyChanges = reader.oneOf(root, "policy-changes", [], policyChangesRules);
  const previewVersion = reader.version(root, "preview-version", []);
  let exemptions = { namespaces: [], runtimeClassNames: [] };
  const exemptionsValue = reader.present(root, "exemptions", []);
  if (exemptionsValue !== void 0) {
    const map = reader.map(exemptionsValue, ["exemptions"], exemptionKeys);
    if (map) {
      const path10 = ["exemptions"];
      exemptions = {
        namespaces: noDuplicates(reader, reader.strings(map, "namespaces", path10, exactName("namespace"), true)),
        runtimeClassNames: noDuplicates(reader, reader.strings(map, "runtimeClassNames", path10, exactName("runtimeClass"), true))
      };
    }
  }
  const rules = (reader.list(root, "rules", []) ?? []).flatMap((value, index) => parseRule(reader, value, index) ?? []);
  const disable = (reader.list(root, "disable", []) ?? []).flatMap((value, index) => parseDisable(reader, value, index) ?? []);
  const renderValue = reader.present(root, "render", []);
  const render = renderValue === void 0 ? void 0 : parseRender(reader, renderValue);
  const adviceValue = reader.present(root, "advice", []);
  const advice = adviceValue === void 0 ? void 0 : parseAdvice(reader, adviceValue);
  if (reader.errors.length > 0) {
    const errors = [...reader.errors].sort((a, b) => a.line - b.line);
    return { ok: false, errors };
  }
  return {
    ok: true,
    config: dropUndefined({ ...settings, file, namespaceLabels: namespaceLabels2, strict, optOuts, policyChanges, previewVersion, exemptions, rules, disable, render, advice })
  };
}

// src/policy/namespaces.ts
var labelPrefix = "pod-security.kubernetes.io/";
var namespaceLabels = {
  enforce: `${labelPrefix}enforce`,
  enforceVersion: `${labelPrefix}enforce-version`,
  audit: `${labelPrefix}audit`,
  auditVersion: `${labelPrefix}audit-version`,
  warn: `${labelPrefix}warn`,
  warnVersion: `${labelPrefix}warn-version`
};
var privilegedDefaults = {
  enforce: { level: "privileged", version: "latest" },
  audit: { level: "privileged", version: "latest" },
  warn: { level: "privileged", version: "latest" }
};
function labelError(label2, value, error) {
  return { label: label2, value, message: `metadata.labels[${label2}]: Invalid value: ${goQuote(value)}: ${error}` };
}
function policyToEvaluate(labels, defaults2 = privilegedDefaults) {
  const errors = [];
  const policy = { enforce: { ...defaults2.enforce }, audit: { ...defaults2.audit }, warn: { ...defaults2.warn } };
  const def = { level: { kind: "default" }, version: { kind: "default" } };
  const origins = {
    enforce: { ...def },
    audit: { ...def },
    warn: { ...def }
  };
  const has = (label2) => Object.hasOwn(labels, label2) ? labels[label2] : void 0;
  const readMode = (mode, levelLabel, versionLabel, failLevel) => {
    let validLevel = false;
    const level3 = has(levelLabel);
    if (level3 !== void 0) {
      const parsed2 = parseLevel(level3);
      policy[mode].level = parsed2.ok ? parsed2.value : failLevel ?? parsed2.fallback;
      validLevel = parsed2.ok;
      if (!parsed2.ok) errors.push(labelError(levelLabel, level3, parsed2.error));
      origins[mode].level = { kind: "label", label: levelLabel, value: level3, valid: parsed2.ok };
    }
    const version4 = has(versionLabel);
    if (version4 !== void 0) {
      const parsed2 = parseVersion(version4);
      policy[mode].version = parsed2.ok ? parsed2.value : parsed2.fallback;
      if (!parsed2.ok) errors.push(labelError(versionLabel, version4, parsed2.error));
      origins[mode].version = { kind: "label", label: versionLabel, value: version4, valid: parsed2.ok };
    }
    return validLevel;
  };
  if (Object.keys(labels).length === 0) return { policy, origins, errors };
  const hasValidEnforce = readMode("enforce", namespaceLabels.enforce, namespaceLabels.enforceVersion, null);
  readMode("audit", namespaceLabels.audit, namespaceLabels.auditVersion, "privileged");
  readMode("warn", namespaceLabels.warn, namespaceLabels.warnVersion, "privileged");
  const hasWarnLevel = has(namespaceLabels.warn) !== void 0;
  const hasWarnVersion = has(namespaceLabels.warnVersion) !== void 0;
  if (!hasWarnLevel && hasValidEnforce && levelRank(policy.enforce.level) > levelRank(policy.warn.level)) {
    policy.warn.level = policy.enforce.level;
    const enforceLabel = namespaceLabels.enforce;
    origins.warn.level = { kind: "inherited", label: enforceLabel, value: labels[enforceLabel] ?? "" };
    if (!hasWarnVersion) {
      policy.warn.version = policy.enforce.version;
      const versionOrigin = origins.enforce.version;
      origins.warn.version = versionOrigin.kind === "label" ? { kind: "inherited", label: versionOrigin.label, value: versionOrigin.value } : versionOrigin;
    }
  }
  return { policy, origins, errors };
}
var emptyNamespaceIndex = { byName: /* @__PURE__ */ new Map(), problems: [] };
function podSecurityLabelsOf(labels) {
  return Object.fromEntries(Object.entries(labels).filter(([key]) => key.startsWith(labelPrefix)));
}
function sameLabels(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}
function indexNamespaces(manifests) {
  const byName = /* @__PURE__ */ new Map();
  const problems = [];
  for (const manifest of manifests) {
    const podSecurityLabels = podSecurityLabelsOf(manifest.labels);
    const existing = byName.get(manifest.name);
    if (existing) {
      if (!sameLabels(existing.podSecurityLabels, podSecurityLabels)) {
        const first = `${existing.manifest.file}:${existing.manifest.line}`;
        const second = `${manifest.file}:${manifest.line}`;
        problems.push({
          file: manifest.file,
          line: manifest.line,
          namespace: manifest.name,
          message: `Namespace ${manifest.name} is defined in ${first} and in ${second} with different pod-security labels; the cluster keeps whichever is applied last, which the review cannot know: the labels of ${first} are used`,
          kind: "conflict"
        });
      }
      continue;
    }
    const { errors } = policyToEvaluate(podSecurityLabels);
    byName.set(manifest.name, { manifest, podSecurityLabels, errors });
    for (const error of errors) {
      problems.push({
        file: manifest.file,
        line: manifest.line,
        namespace: manifest.name,
        message: `Namespace ${manifest.name}: ${error.message}; the admission controller ${fallbackText(error.label)}`,
        kind: "invalid"
      });
    }
  }
  return { byName, problems };
}
function fallbackText(label2) {
  if (label2 === namespaceLabels.enforce) return "enforces restricted instead";
  if (label2 === namespaceLabels.audit || label2 === namespaceLabels.warn) return "uses privileged instead (nothing is reported)";
  return "uses latest instead";
}
function namespacesFromDocument(document, lineOf2) {
  const namespaces = [];
  const problems = [];
  const visit5 = (value, path10, itemKind) => {
    if (!isObject(value)) return;
    const kind = typeof value.kind === "string" ? value.kind : itemKind;
    const apiVersion = typeof value.apiVersion === "string" ? value.apiVersion : itemKind ? "v1" : void 0;
    if ((kind === "List" || kind === "NamespaceList") && Array.isArray(value.items)) {
      const items = value.items;
      items.forEach((item, index) => visit5(item, [...path10, "items", index], kind === "NamespaceList" ? "Namespace" : null));
      return;
    }
    if (kind !== "Namespace" || apiVersion !== "v1") return;
    const metadata = obj(value, "metadata");
    const name = metadata?.name;
    if (typeof name !== "string" || name === "") return;
    const decoded = {};
    let valid = true;
    for (const [key, labelValue] of Object.entries(obj(metadata, "labels") ?? {})) {
      if (typeof labelValue === "string" || labelValue === null || labelValue === void 0) {
        decoded[key] = labelValue ?? "";
        continue;
      }
      valid = false;
      const type = Array.isArray(labelValue) ? "a list" : typeof labelValue;
      problems.push({
        file: document.file,
        path: [...path10, "metadata", "labels", key],
        message: `metadata.labels[${key}]: must be a string, not ${type} (quote it); the API server would reject this Namespace`
      });
    }
    if (valid) namespaces.push({ name, labels: decoded, file: document.file, line: lineOf2([...path10, "metadata", "labels"]) });
  };
  visit5(document.value, [], null);
  return { namespaces, problems };
}

// src/policy/sources/objects.ts
function objectsOf(document) {
  const out = [];
  const visit5 = (value, path10) => {
    const kind = typeof value.kind === "string" ? value.kind : "";
    const apiVersion = typeof value.apiVersion === "string" ? value.apiVersion : "";
    if (kind.endsWith("List") && Array.isArray(value.items)) {
      value.items.forEach((item, index) => {
        if (isObject(item)) visit5(item, [...path10, "items", index]);
      });
      return;
    }
    out.push({ value, apiVersion, kind, path: path10 });
  };
  if (isObject(document.value)) visit5(document.value, []);
  return out;
}

// src/policy/sources/admissionConfig.ts
var configApiVersions = /* @__PURE__ */ new Set(["pod-security.admission.config.k8s.io/v1", "pod-security.admission.config.k8s.io/v1beta1", "pod-security.admission.config.k8s.io/v1alpha1"]);
var admissionApiVersions = /* @__PURE__ */ new Set(["apiserver.config.k8s.io/v1", "apiserver.config.k8s.io/v1alpha1", "apiserver.k8s.io/v1alpha1"]);
function configurationsOf(document) {
  const out = [];
  for (const object of objectsOf(document)) {
    if (object.kind === "PodSecurityConfiguration" && configApiVersions.has(object.apiVersion)) out.push({ value: object.value, path: object.path });
    if (object.kind !== "AdmissionConfiguration" || !admissionApiVersions.has(object.apiVersion)) continue;
    list(object.value, "plugins").forEach((plugin, index) => {
      if (!isObject(plugin) || str(plugin, "name") !== "PodSecurity") return;
      const configuration = obj(plugin, "configuration");
      const path10 = [...object.path, "plugins", index, "configuration"];
      if (configuration && str(configuration, "kind") === "PodSecurityConfiguration") out.push({ value: configuration, path: path10 });
    });
  }
  return out;
}
var modeKeys = {
  enforce: { level: "enforce", version: "enforce-version" },
  audit: { level: "audit", version: "audit-version" },
  warn: { level: "warn", version: "warn-version" }
};
function readConfiguration(document, value, path10) {
  const problems = [];
  const at3 = (sub, key) => ({ file: document.file, line: locate(document.source, [...path10, ...sub]).line, key });
  const defaults2 = obj(value, "defaults") ?? {};
  const policy = { enforce: { level: "privileged", version: "latest" }, audit: { level: "privileged", version: "latest" }, warn: { level: "privileged", version: "latest" } };
  const written = { enforce: {}, audit: {}, warn: {} };
  const read = (key, parse3, set2) => {
    const text3 = str(defaults2, key);
    if (text3 === "") return;
    const parsed2 = parse3(text3);
    const where2 = at3(["defaults", key], `defaults.${key}`);
    if (parsed2.ok) set2(parsed2.value, where2);
    else problems.push({ file: document.file, line: where2.line, message: `defaults.${key}: Invalid value: ${JSON.stringify(text3)}: ${parsed2.error}` });
  };
  for (const mode of ["enforce", "audit", "warn"]) {
    read(modeKeys[mode].level, parseLevel, (level3, where2) => {
      policy[mode].level = level3;
      written[mode].level = where2;
    });
    read(modeKeys[mode].version, parseVersion, (version4, where2) => {
      policy[mode].version = version4;
      written[mode].version = where2;
    });
  }
  const exemptions = obj(value, "exemptions");
  const names = (key) => list(exemptions, key).flatMap(
    (entry, index) => typeof entry === "string" && entry !== "" ? [{ value: entry, at: at3(["exemptions", key, index], `exemptions.${key}[${index}]`) }] : []
  );
  if (problems.length > 0) {
    const line = locate(document.source, [...path10, "kind"]).line;
    problems.push({ file: document.file, line, message: "the API server would refuse to start with this PodSecurityConfiguration; it is not used" });
    return { ok: false, problems };
  }
  return {
    ok: true,
    config: {
      file: document.file,
      line: locate(document.source, [...path10, "kind"]).line,
      defaults: policy,
      written,
      exemptions: { namespaces: names("namespaces"), runtimeClassNames: names("runtimeClasses"), usernames: names("usernames") }
    }
  };
}
function findAdmissionConfig(documents, path10) {
  const problems = [];
  const notices = [];
  let config = null;
  for (const document of documents) {
    if (path10 !== null && document.file !== path10) continue;
    for (const { value, path: objectPath } of configurationsOf(document)) {
      const reading = readConfiguration(document, value, objectPath);
      if (!reading.ok) {
        problems.push(...reading.problems);
        continue;
      }
      if (config === null) {
        config = reading.config;
        continue;
      }
      notices.push({
        file: reading.config.file,
        line: reading.config.line,
        message: `another PodSecurityConfiguration; the one in ${config.file}:${config.line} is used (set the admission config path to choose)`
      });
    }
  }
  const note = config ? usernamesNote(config) : null;
  if (note) notices.push(note);
  return { config, problems, notices };
}
function admissionSource(config, mode, part) {
  const at3 = config.written[mode][part];
  if (at3) return { kind: "admission-config", detail: `PodSecurityConfiguration ${at3.key} in ${at3.file}:${at3.line}`, file: at3.file, line: at3.line };
  if (part === "version") return { kind: "default", detail: "built-in default", file: null, line: null };
  const fallback = "privileged";
  return { kind: "admission-config", detail: `PodSecurityConfiguration in ${config.file}:${config.line} (${modeKeys[mode].level} unset: ${fallback})`, file: config.file, line: config.line };
}
function usernamesNote(config) {
  const [first] = config.exemptions.usernames;
  if (!first) return null;
  const names = config.exemptions.usernames.map((u) => u.value).join(", ");
  return {
    file: first.at.file,
    line: first.at.line,
    message: `exemptions.usernames (${names}) depend on who creates the pod, which a review cannot know; they are not applied, so pod specs are judged as any other user's`
  };
}

// src/policy/resolve.ts
var defaultLevels = {
  enforce: { level: "baseline", version: "latest" },
  warn: { level: "restricted", version: "latest" }
};
var builtIn = { kind: "default", detail: "built-in default", file: null, line: null };
var defaultFlagNames = {
  level: "--level",
  warnLevel: "--warn-level",
  version: "--version",
  warnVersion: "--warn-version",
  previewVersion: "--preview-version",
  namespaceLabels: "--namespace-labels",
  strict: "--strict",
  optOuts: "--opt-outs",
  policyChanges: "--policy-changes"
};
function where(at3) {
  return `${at3.file}:${at3.line}`;
}
function apply(parts, settings, sourceOf) {
  if (settings.level) parts.enforceLevel = { value: settings.level.value, source: sourceOf(settings.level) };
  if (settings.warnLevel) parts.warnLevel = { value: settings.warnLevel.value, source: sourceOf(settings.warnLevel) };
  if (settings.version) {
    const version4 = { value: settings.version.value, source: sourceOf(settings.version) };
    parts.enforceVersion = version4;
    parts.warnVersion = version4;
  }
  if (settings.warnVersion) parts.warnVersion = { value: settings.warnVersion.value, source: sourceOf(settings.warnVersion) };
}
function configDefaultSource(located) {
  return { kind: "config-default", detail: `${located.at.key} in ${where(located.at)}`, file: located.at.file, line: located.at.line };
}
function flagSource(name, value) {
  const text3 = typeof value === "string" ? value : formatVersion(value);
  return { kind: "flag", detail: `${name} ${text3}`, file: null, line: null };
}
function ruleSource(rule) {
  return { kind: "config-rule", detail: `${rule.at.key} in ${where(rule.at)}`, file: rule.at.file, line: rule.at.line };
}
function admissionParts(admission) {
  const part = (mode, key, value) => ({ value, source: admissionSource(admission, mode, key) });
  return {
    enforceLevel: part("enforce", "level", admission.defaults.enforce.level),
    enforceVersion: part("enforce", "version", admission.defaults.enforce.version),
    warnLevel: part("warn", "level", admission.defaults.warn.level),
    warnVersion: part("warn", "version", admission.defaults.warn.version)
  };
}
function matchRule(rules, subject2) {
  for (const rule of rules) {
    if (rule.namespaces && (subject2.namespace === null || matchName(subject2.namespace, rule.namespaces) === null)) continue;
    if (rule.files && matchFile(subject2.file, rule.files) === null) continue;
    return rule;
  }
  return null;
}
function labelSource(entry, origin, fallback) {
  const { manifest } = entry;
  const at3 = `${manifest.file}:${manifest.line}`;
  let detail;
  if (origin.kind === "inherited") detail = `Namespace ${manifest.name} label ${origin.label}=${origin.value}, inherited by warn (${at3})`;
  else if (origin.kind === "label" && !origin.valid) {
    detail = `Namespace ${manifest.name} label ${origin.label}=${JSON.stringify(origin.value)} is invalid, so ${fallback} applies as upstream (${at3})`;
  } else if (origin.kind === "label") detail = `Namespace ${manifest.name} label ${origin.label}=${origin.value} (${at3})`;
  else detail = `Namespace ${manifest.name} (${at3})`;
  return { kind: "namespace-label", detail, file: manifest.file, line: manifest.line };
}
function combine2(level3, version4) {
  const same2 = level3.source.kind === version4.source.kind && level3.source.detail === version4.source.detail;
  if (same2 || level3.value === "privileged" || version4.source.kind === "default") return level3.source;
  const detail = `${level3.source.detail}; version ${formatVersion(version4.value)} from ${version4.source.detail}`;
  return { ...level3.source, detail, version: version4.source };
}
function findExemption(config, subject2) {
  if (subject2.namespace) {
    const entry = config.exemptions.namespaces.find((e) => e.value === subject2.namespace);
    if (entry) {
      const message = `namespace ${entry.value} is exempt (${entry.at.key} in ${where(entry.at)})`;
      return { kind: "namespace", value: entry.value, at: entry.at, message };
    }
  }
  if (subject2.runtimeClassName) {
    const entry = config.exemptions.runtimeClassNames.find((e) => e.value === subject2.runtimeClassName);
    if (entry) {
      return {
        kind: "runtimeClass",
        value: entry.value,
        at: entry.at,
        message: `runtimeClassName ${entry.value} is exempt (${entry.at.key} in ${where(entry.at)})`
      };
    }
  }
  return null;
}
function disableApplies(entry, subject2) {
  if (entry.namespaces && (subject2.namespace === null || matchName(subject2.namespace, entry.namespaces) === null)) return false;
  if (entry.files && matchFile(subject2.file, entry.files) === null) return false;
  if (entry.workloads && matchName(subject2.name, entry.workloads) === null) return false;
  if (entry.images && !subject2.images.some((image) => matchImage(image, entry.images ?? []) !== null)) return false;
  return true;
}
function namespaceLabelsOn(config, overrides) {
  return overrides.namespaceLabels ?? config.namespaceLabels?.value ?? true;
}
function resolvePolicy(input) {
  const { subject: subject2, today: today2 } = input;
  const config = input.config ?? defaultPolicyConfig;
  const namespaces = input.namespaces ?? emptyNamespaceIndex;
  const overrides = input.overrides ?? {};
  if (!isCalendarDate(today2)) throw new Error(`resolvePolicy: today must be a date YYYY-MM-DD, got ${JSON.stringify(today2)}`);
  const flagName = (key) => overrides.names?.[key] ?? defaultFlagNames[key];
  const admission = input.admission ?? null;
  const parts = admission ? admissionParts(admission) : {
    enforceLevel: { value: defaultLevels.enforce.level, source: builtIn },
    enforceVersion: { value: defaultLevels.enforce.version, source: builtIn },
    warnLevel: { value: defaultLevels.warn.level, source: builtIn },
    warnVersion: { value: defaultLevels.warn.version, source: builtIn }
  };
  apply(parts, config, configDefaultSource);
  const flagAt = (key) => ({ file: "", line: 0, key: flagName(key) });
  const flagSettings = {
    level: overrides.level === void 0 ? void 0 : { value: overrides.level, at: flagAt("level") },
    warnLevel: overrides.warnLevel === void 0 ? void 0 : { value: overrides.warnLevel, at: flagAt("warnLevel") },
    version: overrides.version === void 0 ? void 0 : { value: overrides.version, at: flagAt("version") },
    warnVersion: overrides.warnVersion === void 0 ? void 0 : { value: overrides.warnVersion, at: flagAt("warnVersion") }
  };
  apply(parts, flagSettings, (located) => flagSource(located.at.key, located.value));
  const rule = matchRule(config.rules, subject2);
  if (rule) apply(parts, rule, () => ruleSource(rule));
  let audit = null;
  const labelsOn = namespaceLabelsOn(config, overrides);
  const entry = labelsOn && subject2.namespace !== null ? namespaces.byName.get(subject2.namespace) : void 0;
  if (entry) {
    const { policy, origins } = policyToEvaluate(entry.podSecurityLabels, {
      enforce: { level: parts.enforceLevel.value, version: parts.enforceVersion.value },
      warn: { level: parts.warnLevel.value, version: parts.warnVersion.value },
      audit: admission?.defaults.audit ?? { level: "privileged", version: "latest" }
    });
    const relabel = (current, value, origin, fallback) => origin.kind === "default" ? current : { value, source: labelSource(entry, origin, fallback) };
    parts.enforceLevel = relabel(parts.enforceLevel, policy.enforce.level, origins.enforce.level, "restricted");
    parts.enforceVersion = relabel(parts.enforceVersion, policy.enforce.version, origins.enforce.version, "latest");
    parts.warnLevel = relabel(parts.warnLevel, policy.warn.level, origins.warn.level, "privileged");
    parts.warnVersion = relabel(parts.warnVersion, policy.warn.version, origins.warn.version, "latest");
    if (origins.audit.level.kind === "label" && policy.audit.level !== "privileged") {
      const auditLevel = { value: policy.audit.level, source: labelSource(entry, origins.audit.level, "privileged") };
      const versionOrigin = origins.audit.version;
      const auditVersion = { value: policy.audit.version, source: versionOrigin.kind === "label" ? labelSource(entry, versionOrigin, "latest") : builtIn };
      audit = { value: { level: policy.audit.level, version: policy.audit.version }, source: combine2(auditLevel, auditVersion) };
    }
  }
  if (!audit && admission && admission.defaults.audit.level !== "privileged" && !(entry && Object.hasOwn(entry.podSecurityLabels, namespaceLabels.audit))) {
    const level3 = { value: admission.defaults.audit.level, source: admissionSource(admission, "audit", "level") };
    const version4 = { value: admission.defaults.audit.version, source: admissionSource(admission, "audit", "version") };
    audit = { value: admission.defaults.audit, source: combine2(level3, version4) };
  }
  const enforce = { level: parts.enforceLevel.value, version: parts.enforceVersion.value };
  const warn = { level: parts.warnLevel.value, version: parts.warnVersion.value };
  if (audit && formatLevelVersion(audit.value) === formatLevelVersion(warn)) audit = null;
  const previewVersion = overrides.previewVersion !== void 0 ? { value: overrides.previewVersion, source: flagSource(flagName("previewVersion"), overrides.previewVersion) } : config.previewVersion ? { value: config.previewVersion.value, source: configDefaultSource(config.previewVersion) } : null;
  const preview = previewVersion && enforce.level !== "privileged" && formatVersion(previewVersion.value) !== formatVersion(enforce.version) ? { version: previewVersion.value, source: previewVersion.source } : null;
  const noOptOuts = (overrides.optOuts ?? config.optOuts?.value) === "none";
  const strict = noOptOuts || (overrides.strict ?? config.strict?.value ?? false);
  let strictWhere = null;
  if (noOptOuts) strictWhere = overrides.optOuts !== void 0 || !config.optOuts ? `${flagName("optOuts")} none` : `opt-outs: none in ${where(config.optOuts.at)}`;
  else if (strict) strictWhere = overrides.strict !== void 0 || !config.strict ? flagName("strict") : `strict: true in ${where(config.strict.at)}`;
  const optOuts = [];
  const problems = [];
  const places = [["workload", subject2.workloadAnnotations]];
  if (subject2.templateAnnotations) places.push(["template", subject2.templateAnnotations]);
  for (const [place, annotations] of places) {
    const reading = readOptOut(annotations, place, { kind: subject2.kind, today: today2, strict: strictWhere });
    optOuts.push(...reading.optOuts);
    problems.push(...reading.problems);
  }
  const disabled = config.disable.filter((entry2) => disableApplies(entry2, subject2)).flatMap((entry2) => entry2.checks.map((check) => ({ check, reason: entry2.reason, at: entry2.at, images: entry2.images })));
  return {
    enforce,
    warn,
    audit: audit?.value ?? null,
    levelSource: combine2(parts.enforceLevel, parts.enforceVersion),
    warnSource: combine2(parts.warnLevel, parts.warnVersion),
    auditSource: audit?.source ?? null,
    preview,
    exemption: findExemption(config, subject2) ?? (admission ? findExemption({ ...config, exemptions: admission.exemptions }, subject2) : null),
    disabled,
    optOuts,
    strict,
    problems
  };
}
function annotationsOf(metadata) {
  const annotations = obj(metadata, "annotations") ?? {};
  const out = {};
  for (const [key, value] of Object.entries(annotations)) {
    if (typeof value === "string" || value === null) out[key] = value ?? "";
  }
  return out;
}
function subjectFromPodSpec(source, file = source.document.file) {
  let object = source.document.value;
  for (const segment of source.objectPath) {
    if (typeof segment === "number") object = Array.isArray(object) ? object[segment] : void 0;
    else object = isObject(object) ? object[segment] : void 0;
  }
  const workloadMetadata = isObject(object) ? obj(object, "metadata") : void 0;
  const isPodItself = source.templatePath.length === source.objectPath.length;
  const runtimeClassName = str(source.pod.spec, "runtimeClassName");
  return {
    file,
    namespace: source.namespace,
    kind: source.kind,
    name: source.name,
    workloadAnnotations: annotationsOf(workloadMetadata),
    templateAnnotations: isPodItself ? null : annotationsOf(source.pod.metadata),
    runtimeClassName: runtimeClassName === "" ? null : runtimeClassName,
    images: visitContainers(source.pod).map((c) => str(c.container, "image"))
  };
}
function annotationPath(source, place, annotation) {
  const base = place === "template" ? source.templatePath : source.objectPath;
  return [...base, "metadata", "annotations", annotation];
}

// src/policy/sources/kyvernoConditions.ts
function conditionList(value) {
  if (!Array.isArray(value)) return null;
  return value.filter(isObject).map((c) => ({ key: c.key ?? null, operator: typeof c.operator === "string" ? c.operator : "", value: c.value ?? null }));
}
function conditionsOf(value) {
  if (Array.isArray(value)) return value.length === 0 ? null : { any: null, all: conditionList(value) };
  if (!isObject(value)) return null;
  const any = conditionList(value.any);
  const all = conditionList(value.all);
  return (any?.length ?? 0) + (all?.length ?? 0) === 0 ? null : { any, all };
}
var Unknown = class extends Error {
};
var shifts = {
  object: [],
  template: [
    ["request.object.spec", "request.object.spec.template.spec"],
    ["request.object.metadata", "request.object.spec.template.metadata"]
  ],
  cronJobTemplate: [
    ["request.object.spec", "request.object.spec.jobTemplate.spec.template.spec"],
    ["request.object.metadata", "request.object.spec.jobTemplate.spec.template.metadata"]
  ]
};
function pathSegments(text3) {
  const segments = [];
  const pattern = /\.?(?:([A-Za-z_][A-Za-z0-9_-]*)|"((?:[^"\\]|\\.)*)"|\[(\d+)\])/gy;
  let at3 = 0;
  while (at3 < text3.length) {
    pattern.lastIndex = at3;
    const match2 = pattern.exec(text3);
    if (!match2) throw new Unknown();
    segments.push(match2[1] ?? (match2[3] !== void 0 ? Number(match2[3]) : JSON.parse(`"${match2[2] ?? ""}"`)));
    at3 = pattern.lastIndex;
  }
  return segments;
}
function lookup(value, segments) {
  let at3 = value;
  for (const segment of segments) {
    if (typeof segment === "number") at3 = Array.isArray(at3) ? at3[segment] ?? null : null;
    else at3 = isObject(at3) ? at3[segment] ?? null : null;
  }
  return at3;
}
function truthy(value) {
  if (value === null || value === false || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return true;
}
function term(text3, input) {
  const literal2 = /^'((?:[^'\\]|\\.)*)'$/.exec(text3);
  if (literal2) return (literal2[1] ?? "").replace(/\\'/g, "'");
  const json = /^`(.*)`$/.exec(text3);
  if (json) return JSON.parse(json[1] ?? "null");
  if (text3 === "request.namespace") return input.namespace ?? "";
  if (!text3.startsWith("request.object.") && text3 !== "request.object") throw new Unknown();
  return lookup(input.object, pathSegments(text3.slice("request.object".length).replace(/^\./, "")));
}
function resolve2(value, input) {
  if (typeof value !== "string") return value;
  if (!value.includes("{{")) return value;
  const whole = /^\s*\{\{\s*(.*?)\s*\}\}\s*$/s.exec(value);
  if (!whole || (whole[1] ?? "").includes("{{")) throw new Unknown();
  let expression = whole[1] ?? "";
  for (const [from, to] of shifts[input.shape]) expression = expression.split(from).join(to);
  const terms = expression.split("||").map((t) => t.trim());
  if (terms.some((t) => t === "" || /[()&!<>=@|]/.test(t.replace(/'(?:[^'\\]|\\.)*'|`[^`]*`/g, "")))) throw new Unknown();
  let result = null;
  for (const t of terms) {
    result = term(t, input);
    if (truthy(result)) break;
  }
  return result ?? "";
}
var quantityOrDuration = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+|[KMGTPE]i|[numkMGTPE]|ns|us|µs|ms|s|m|h)?$|^([+-]?(\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$/;
function plain(value) {
  return typeof value === "boolean" || typeof value === "string" && !quantityOrDuration.test(value.trim());
}
function strings(value) {
  const items = Array.isArray(value) ? value : [value];
  if (!items.every(plain)) throw new Unknown();
  const texts = items.map(String);
  if (texts.some((t) => /[*?]/.test(t))) throw new Unknown();
  return texts;
}
function equals(key, value) {
  if (Array.isArray(key) || Array.isArray(value)) {
    const keys = strings(key);
    const values = strings(value);
    return Array.isArray(key) && Array.isArray(value) && keys.length === values.length && keys.every((k, i) => k === values[i]);
  }
  if (!plain(key) || !plain(value)) throw new Unknown();
  if (typeof key === "boolean" || typeof value === "boolean") return key === value;
  return matchWildcard(key, [value]) !== null;
}
function evaluate(condition, input) {
  const key = resolve2(condition.key, input);
  const value = resolve2(condition.value, input);
  switch (condition.operator) {
    case "Equals":
      return equals(key, value);
    case "NotEquals":
      return !equals(key, value);
    case "AnyIn":
    case "AllIn":
    case "AnyNotIn":
    case "AllNotIn": {
      const keys = strings(key);
      const values = new Set(strings(value));
      const inValues = (k) => values.has(k);
      if (condition.operator === "AnyIn") return keys.some(inValues);
      if (condition.operator === "AllIn") return keys.every(inValues);
      if (condition.operator === "AnyNotIn") return keys.some((k) => !inValues(k));
      return keys.every((k) => !inValues(k));
    }
    default:
      throw new Unknown();
  }
}
function tri2(condition, input) {
  try {
    return evaluate(condition, input);
  } catch (error) {
    if (error instanceof Unknown || error instanceof SyntaxError) return null;
    throw error;
  }
}
function conditionsHold(conditions, input) {
  const any = (conditions.any ?? []).map((c) => tri2(c, input));
  const all = (conditions.all ?? []).map((c) => tri2(c, input));
  const anyHolds = any.length === 0 || any.includes(true) ? true : any.includes(null) ? null : false;
  const allHold = all.includes(false) ? false : all.includes(null) ? null : true;
  if (anyHolds === false || allHold === false) return false;
  return anyHolds === null || allHold === null ? null : true;
}
var operators = /* @__PURE__ */ new Set(["Equals", "NotEquals", "AnyIn", "AllIn", "AnyNotIn", "AllNotIn"]);
function readable(value) {
  try {
    resolve2(value, { object: null, namespace: null, shape: "object" });
    return true;
  } catch (error) {
    if (error instanceof Unknown || error instanceof SyntaxError) return false;
    throw error;
  }
}
function unevaluable(conditions) {
  return [...conditions.any ?? [], ...conditions.all ?? []].filter((c) => !operators.has(c.operator) || !readable(c.key) || !readable(c.value)).map((c) => `${typeof c.key === "string" ? c.key : JSON.stringify(c.key)} ${c.operator || "(no operator)"}`);
}

// src/policy/sources/kyvernoEvaluate.ts
var controlChecks = {
  Capabilities: ["capabilities_baseline", "capabilities_restricted"],
  Seccomp: ["seccompProfile_baseline", "seccompProfile_restricted"],
  "Privileged Containers": ["privileged"],
  "Host Ports": ["hostPorts"],
  "/proc Mount Type": ["procMount"],
  HostProcess: ["windowsHostProcess"],
  SELinux: ["seLinuxOptions"],
  "Host Namespaces": ["hostNamespaces"],
  "HostPath Volumes": ["hostPathVolumes"],
  Sysctls: ["sysctls"],
  AppArmor: ["appArmorProfile"],
  "Privilege Escalation": ["allowPrivilegeEscalation"],
  "Running as Non-root": ["runAsNonRoot"],
  "Running as Non-root user": ["runAsUser"],
  "Volume Types": ["restrictedVolumes"]
};
function podSecurityExcludesOf(value) {
  const strings5 = (v) => Array.isArray(v) ? v.filter((s) => typeof s === "string") : [];
  return (Array.isArray(value) ? value : []).filter(isObject).map((e) => ({ controlName: str(e, "controlName"), images: strings5(e.images), restrictedField: str(e, "restrictedField"), values: strings5(e.values) }));
}
function kyvernoFailures(pod, level3, version4) {
  const minor = effectiveMinor(version4);
  const failures = [];
  for (const check of allChecks) {
    if (level3 === "baseline" && check.level !== "baseline") continue;
    const [first, ...rest] = check.implementations;
    if (!first) continue;
    const implementation = rest.reduce((chosen, next) => next.minVersion <= minor && chosen.minVersion < next.minVersion ? next : chosen, first);
    const violation = implementation.evaluate(pod);
    if (violation) failures.push({ check: check.id, ...violation });
  }
  return failures;
}
function valueAt(pod, path10) {
  let value = { metadata: pod.metadata, spec: pod.spec };
  for (const segment of path10) {
    if (typeof segment === "number") value = Array.isArray(value) ? value[segment] : void 0;
    else value = isObject(value) ? value[segment] : void 0;
  }
  return value;
}
var shown2 = (value) => value === void 0 || value === null || value === "" || typeof value === "object" ? [] : [String(value)];
var isContainerList = (segment) => segment === "containers" || segment === "initContainers" || segment === "ephemeralContainers";
function kyvernoPaths(failure, pod) {
  const required = {
    runAsNonRoot: { field: ["securityContext", "runAsNonRoot"], covers: (p) => valueAt(p, ["spec", "securityContext", "runAsNonRoot"]) === true },
    seccompProfile_restricted: {
      field: ["securityContext", "seccompProfile", "type"],
      covers: (p) => ["RuntimeDefault", "Localhost"].includes(String(valueAt(p, ["spec", "securityContext", "seccompProfile", "type"])))
    }
  };
  const rule = required[failure.check];
  if (!rule || rule.covers(pod)) return failure.paths;
  const paths = [...failure.paths];
  const seen = new Set(paths.map((p) => p.join(".")));
  for (const key of ["initContainers", "containers", "ephemeralContainers"]) {
    list(pod.spec, key).forEach((container, index) => {
      const unsetPath = rule.field.length === 2 ? ["spec", key, index, ...rule.field] : ["spec", key, index, "securityContext", "seccompProfile"];
      const unset = (valueAt(pod, unsetPath) ?? null) === null;
      const path10 = ["spec", key, index, ...rule.field];
      if (isObject(container) && unset && !seen.has(path10.join("."))) paths.push(path10);
    });
  }
  return paths;
}
function fieldErrors(failure, pod) {
  const errors = /* @__PURE__ */ new Map();
  for (const original of kyvernoPaths(failure, pod)) {
    const path10 = failure.check === "restrictedVolumes" && original.length === 3 ? [...original, "unknown"] : original;
    let fieldPath = path10;
    let badValues;
    const last = path10[path10.length - 1];
    const parent = path10[path10.length - 2];
    if (typeof last === "number" && (parent === "add" || parent === "drop")) {
      fieldPath = path10.slice(0, -1);
      badValues = shown2(valueAt(pod, path10));
    } else if (last === "drop") {
      const drop = valueAt(pod, path10);
      badValues = Array.isArray(drop) ? [...new Set(drop.map((d) => typeof d === "string" ? d : ""))].sort() : [];
    } else if (last === "hostPath") {
      badValues = shown2(valueAt(pod, [...path10, "path"]));
    } else if (last === "allowPrivilegeEscalation") {
      const securityContext = valueAt(pod, path10.slice(0, -1));
      const value = valueAt(pod, path10);
      badValues = isObject(securityContext) && (value === void 0 || value === null) ? ["nil"] : shown2(value);
    } else {
      badValues = shown2(valueAt(pod, path10));
    }
    const containerLevel = fieldPath[0] === "spec" && isContainerList(fieldPath[1]) && typeof fieldPath[2] === "number";
    const container = containerLevel ? str(list(pod.spec, fieldPath[1])[fieldPath[2]], "name") : null;
    const field = fieldPath.map((s, i) => typeof s === "number" ? `[${s}]` : fieldPath[i - 1] === "annotations" ? `[${s}]` : `.${s}`).join("").slice(1).replace(/\d+/g, "*");
    const key = `${field}\0${container ?? ""}\0${fieldPath.join(".")}`;
    const existing = errors.get(key);
    if (existing) existing.badValues.push(...badValues.filter((v) => !existing.badValues.includes(v)));
    else errors.set(key, { field, container, badValues });
  }
  return [...errors.values()].map((e) => ({ ...e, badValues: [...e.badValues].sort() }));
}
function exclusionPod(pod, exclude) {
  if (exclude.images.length === 0) {
    const spec2 = { ...pod.spec, containers: [{ name: "fake" }] };
    delete spec2.initContainers;
    delete spec2.ephemeralContainers;
    return { metadata: pod.metadata, spec: spec2 };
  }
  const spec = {};
  for (const key of ["initContainers", "containers", "ephemeralContainers"]) {
    const matching = list(pod.spec, key).filter((c) => isObject(c) && matchWildcard(str(c, "image"), exclude.images) !== null);
    if (matching.length > 0) spec[key] = matching;
  }
  return { metadata: {}, spec };
}
function evaluatePodSecurityRule(pod, level3, version4, excludes) {
  const failures = kyvernoFailures(pod, level3, version4);
  const remaining = new Map(failures.map((f) => [f.check, fieldErrors(f, pod).map((error, index) => ({ error, index }))]));
  for (const exclude of excludes) {
    const checks2 = controlChecks[exclude.controlName] ?? [];
    const copy = exclusionPod(pod, exclude);
    const containerLevel = exclude.images.length > 0;
    for (const excluded2 of kyvernoFailures(copy, level3, version4)) {
      if (!checks2.includes(excluded2.check)) continue;
      const standing = remaining.get(excluded2.check);
      if (!standing) continue;
      for (const error of fieldErrors(excluded2, copy)) {
        if (exclude.restrictedField !== "" && error.field !== exclude.restrictedField) continue;
        if (exclude.values.length > 0 && !error.badValues.every((value) => matchWildcard(value, exclude.values) !== null)) continue;
        const index = standing.findIndex(({ error: e }) => e.field === error.field && (!containerLevel || e.container === error.container));
        if (index >= 0) standing.splice(index, 1);
      }
    }
  }
  const kept = [];
  const excluded = [];
  for (const failure of failures) {
    const standing = remaining.get(failure.check) ?? [];
    const original = fieldErrors(failure, pod).length;
    if (original > 0 && standing.length === 0) excluded.push(failure.check);
    else kept.push(failure);
  }
  return { failures: kept, excluded };
}

// src/policy/sources/kyverno.ts
var kyvernoApiVersions = /* @__PURE__ */ new Set(["kyverno.io/v1", "kyverno.io/v2beta1"]);
var autogenAnnotation = "pod-policies.kyverno.io/autogen-controllers";
var defaultAutogen = ["DaemonSet", "Deployment", "Job", "StatefulSet", "ReplicaSet", "ReplicationController", "CronJob"];
var strings2 = (value) => Array.isArray(value) ? value.filter((v) => typeof v === "string") : null;
function labelsOf(value) {
  return Object.fromEntries(Object.entries(value ?? {}).filter((e) => typeof e[1] === "string"));
}
function selectorOf(value) {
  if (!isObject(value)) return null;
  const matchExpressions = list(value, "matchExpressions").filter(isObject).map((e) => ({ key: str(e, "key"), operator: str(e, "operator"), values: strings2(e.values) ?? [] }));
  return { matchLabels: labelsOf(obj(value, "matchLabels")), matchExpressions };
}
function filterOf(value) {
  const resources = obj(value, "resources") ?? {};
  const names = strings2(resources.names) ?? (str(resources, "name") !== "" ? [str(resources, "name")] : null);
  return {
    kinds: strings2(resources.kinds),
    names,
    namespaces: strings2(resources.namespaces),
    selector: selectorOf(resources.selector),
    namespaceSelector: selectorOf(resources.namespaceSelector),
    annotations: isObject(resources.annotations) ? labelsOf(resources.annotations) : null,
    operations: strings2(resources.operations),
    onUser: ["subjects", "roles", "clusterRoles"].some((key) => Array.isArray(value[key]) && value[key].length > 0)
  };
}
function filtersOf(value) {
  if (!isObject(value)) return null;
  const any = Array.isArray(value.any) ? value.any.filter(isObject).map(filterOf) : null;
  const all = Array.isArray(value.all) ? value.all.filter(isObject).map(filterOf) : null;
  if (!any && !all) return { any: [filterOf(value)], all: null };
  return { any, all };
}
function actionOf(value) {
  if (typeof value !== "string") return null;
  const lower = value.toLowerCase();
  return lower === "enforce" ? "enforce" : lower === "audit" ? "audit" : null;
}
function describeOtherRule(rule) {
  const validate3 = obj(rule, "validate");
  if (validate3) {
    const kind = ["pattern", "anyPattern", "deny", "cel", "foreach", "manifests", "assert"].find((k) => k in validate3);
    return kind === "cel" ? "CEL" : kind === "anyPattern" ? "pattern" : kind ?? "validate";
  }
  return ["mutate", "generate", "verifyImages"].find((k) => k in rule) ?? "unknown";
}
function kyvernoRulesOf(documents) {
  const rules = [];
  const notices = [];
  for (const document of documents) {
    for (const object of objectsOf(document)) {
      if (object.kind !== "ClusterPolicy" && object.kind !== "Policy" || !kyvernoApiVersions.has(object.apiVersion)) continue;
      const lineOf2 = (path10) => locate(document.source, [...object.path, ...path10]).line;
      const metadata = obj(object.value, "metadata");
      const spec = obj(object.value, "spec") ?? {};
      const policy = `${object.kind}/${str(metadata, "name")}`;
      const policyNamespace = object.kind === "Policy" ? str(metadata, "namespace") || "default" : null;
      const annotation = labelsOf(obj(metadata, "annotations"))[autogenAnnotation];
      const autogen = annotation === void 0 ? defaultAutogen : annotation.trim() === "none" ? [] : annotation.split(",").map((k) => k.trim());
      const specAction = actionOf(spec.validationFailureAction) ?? "audit";
      const others = [];
      list(spec, "rules").forEach((value, index) => {
        if (!isObject(value)) return;
        const ruleName = str(value, "name");
        const validate3 = obj(value, "validate");
        const podSecurity = obj(validate3, "podSecurity");
        if (!podSecurity) {
          others.push(`${ruleName} (${describeOtherRule(value)})`);
          return;
        }
        const line = lineOf2(["spec", "rules", index]);
        const level3 = parseLevel(str(podSecurity, "level"));
        const version4 = parseVersion(str(podSecurity, "version") || "latest");
        if (!level3.ok || !version4.ok) {
          notices.push({ file: document.file, line, message: `${policy} rule ${ruleName}: podSecurity level or version is invalid; the rule is not evaluated` });
          return;
        }
        if (level3.value === "privileged") {
          notices.push({
            file: document.file,
            line,
            message: `${policy} rule ${ruleName}: level privileged is evaluated as Kyverno evaluates it, with every check of the restricted profile (Kyverno leaves checks out for baseline only), unlike a privileged namespace label; remove the rule to allow everything`
          });
        }
        const overrides = (Array.isArray(validate3?.failureActionOverrides) ? validate3.failureActionOverrides : list(spec, "validationFailureActionOverrides")).filter(isObject).flatMap((o) => {
          const action2 = actionOf(o.action);
          return action2 ? [{ action: action2, namespaces: strings2(o.namespaces) ?? [] }] : [];
        });
        const match2 = filtersOf(value.match) ?? { any: null, all: null };
        const exclude = filtersOf(value.exclude);
        const onUser = [...match2.any ?? [], ...match2.all ?? [], ...exclude?.any ?? [], ...exclude?.all ?? []].some((f) => f.onUser);
        if (onUser) {
          notices.push({ file: document.file, line, message: `${policy} rule ${ruleName}: conditions on the requesting user (subjects, roles) cannot be known at review time; its match is assumed to hold and its exclude not to` });
        }
        const preconditions = conditionsOf(value.preconditions);
        const unknown = preconditions ? unevaluable(preconditions) : [];
        if (unknown.length > 0) {
          notices.push({
            file: document.file,
            line,
            message: `${policy} rule ${ruleName}: ${unknown.length === 1 ? "precondition" : "preconditions"} ${unknown.join(", ")} cannot be evaluated at review time (only request.object and request.namespace with Equals, NotEquals, AnyIn, AllIn, AnyNotIn, AllNotIn are); where they decide, the rule is applied as if they held`
          });
        }
        rules.push({
          policy,
          ruleName,
          file: document.file,
          line,
          path: [...object.path, "spec", "rules", index],
          policyNamespace,
          level: level3.value,
          version: version4.value,
          excludes: podSecurityExcludesOf(podSecurity.exclude),
          action: actionOf(validate3?.failureAction) ?? specAction,
          actionOverrides: overrides,
          match: match2,
          exclude,
          autogen,
          preconditions,
          allowExistingViolations: validate3?.allowExistingViolations !== false
        });
      });
      if (others.length > 0) {
        notices.push({
          file: document.file,
          line: lineOf2(["kind"]),
          message: `${policy}: ${others.length === 1 ? "rule" : "rules"} ${others.join(", ")} not evaluated (only validate.podSecurity rules are)`
        });
      }
    }
  }
  const [first] = rules;
  if (first) {
    const described = rules.map((r) => `${r.policy} rule ${r.ruleName} (${r.level}:${r.version}, ${r.action === "enforce" ? "Enforce" : "Audit"})`);
    notices.push({ file: first.file, line: first.line, message: `Kyverno podSecurity ${rules.length === 1 ? "rule" : "rules"} evaluated: ${described.join(", ")}` });
  }
  return { rules, notices };
}
function selects(selector, labels) {
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (!Object.hasOwn(labels, key) || matchWildcard(labels[key] ?? "", [value]) === null) return false;
  }
  return selector.matchExpressions.every(({ key, operator, values }) => {
    const has = Object.hasOwn(labels, key);
    const value = labels[key] ?? "";
    if (operator === "In") return has && values.includes(value);
    if (operator === "NotIn") return !has || !values.includes(value);
    if (operator === "Exists") return has;
    if (operator === "DoesNotExist") return !has;
    return false;
  });
}
function kindMatches(patterns, subject2, autogen) {
  const kinds = patterns.map((p) => p.split("/").pop() ?? p);
  if (matchWildcard(subject2.kind, kinds) !== null) return true;
  return kinds.every((k) => k === "Pod") && autogen.includes(subject2.kind);
}
function filterHolds(filter2, subject2, autogen, whenUnknown) {
  if (filter2.onUser && !whenUnknown) return false;
  if (filter2.kinds && !kindMatches(filter2.kinds, subject2, autogen)) return false;
  if (filter2.names && matchWildcard(subject2.name, filter2.names) === null) return false;
  if (filter2.namespaces && (subject2.namespace === null || matchWildcard(subject2.namespace, filter2.namespaces) === null)) return false;
  if (filter2.selector && !selects(filter2.selector, subject2.labels)) return false;
  if (filter2.namespaceSelector && (subject2.namespaceLabels === null || !selects(filter2.namespaceSelector, subject2.namespaceLabels))) return false;
  if (filter2.annotations && !Object.entries(filter2.annotations).every(([k, v]) => Object.hasOwn(subject2.annotations, k) && matchWildcard(subject2.annotations[k] ?? "", [v]) !== null)) return false;
  if (filter2.operations && !filter2.operations.some((o) => o === "CREATE" || o === "UPDATE")) return false;
  return true;
}
function filtersHold(filters, subject2, autogen, whenUnknown) {
  if (filters.any && !filters.any.some((f) => filterHolds(f, subject2, autogen, whenUnknown))) return false;
  if (filters.all && !filters.all.every((f) => filterHolds(f, subject2, autogen, whenUnknown))) return false;
  return filters.any !== null || filters.all !== null;
}
function ruleNameFor(rule, subject2) {
  const filters = [...rule.match.any ?? [], ...rule.match.all ?? []];
  const direct = subject2.kind === "Pod" || filters.some((f) => f.kinds !== null && matchWildcard(subject2.kind, f.kinds.map((k) => k.split("/").pop() ?? k)) !== null);
  if (direct) return { name: rule.ruleName, shape: "object" };
  const cronJob = subject2.kind === "CronJob";
  return { name: `${cronJob ? "autogen-cronjob" : "autogen"}-${rule.ruleName}`.slice(0, 63), shape: cronJob ? "cronJobTemplate" : "template" };
}
function policyKey(rule) {
  const name = rule.policy.slice(rule.policy.indexOf("/") + 1);
  return rule.policyNamespace === null ? name : `${rule.policyNamespace}/${name}`;
}
function ruleMatches(rule, subject2) {
  if (rule.policyNamespace !== null && subject2.namespace !== rule.policyNamespace) return false;
  if (!filtersHold(rule.match, subject2, rule.autogen, true)) return false;
  return !(rule.exclude && filtersHold(rule.exclude, subject2, rule.autogen, false));
}
function ruleAction(rule, subject2) {
  const override = rule.actionOverrides.find((o) => subject2.namespace !== null && matchWildcard(subject2.namespace, o.namespaces) !== null);
  return override?.action ?? rule.action;
}
var exceptionLabel = (exception) => `PolicyException ${exception.name} (${exception.file}:${exception.line})`;
function kyvernoSource(rule, notes = {}) {
  const where2 = `${rule.file}:${rule.line}${rule.atBase ? ", at the base commit" : ""}`;
  const extra = [
    ...notes.exceptions && notes.exceptions.length > 0 ? [`with ${notes.exceptions.map(exceptionLabel).join(", ")}`] : [],
    ...notes.preconditionsAssumed ? ["its preconditions could not be evaluated here and are taken to hold"] : []
  ];
  return { kind: "kyverno", detail: `kyverno: ${rule.policy} rule ${rule.ruleName} (${where2})${extra.length > 0 ? `; ${extra.join("; ")}` : ""}`, file: rule.file, line: rule.line };
}

// src/policy/sources/kyvernoException.ts
var exceptionApiVersions = /* @__PURE__ */ new Set(["kyverno.io/v2", "kyverno.io/v2beta1"]);
var strings3 = (value) => Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
function matchOf(value) {
  const any = list(value, "any").filter(isObject).map(filterOf);
  const all = list(value, "all").filter(isObject).map(filterOf);
  return any.length > 0 ? { any, all: null } : { any: null, all };
}
function kyvernoExceptionsOf(documents) {
  const exceptions = [];
  const notices = [];
  for (const document of documents) {
    for (const object of objectsOf(document)) {
      if (object.kind !== "PolicyException" || !exceptionApiVersions.has(object.apiVersion)) continue;
      const metadata = obj(object.value, "metadata");
      const spec = obj(object.value, "spec") ?? {};
      const name = `${str(metadata, "namespace") || "default"}/${str(metadata, "name")}`;
      const line = locate(document.source, [...object.path, "kind"]).line;
      const twin = exceptions.find((e) => e.name === name);
      if (twin) {
        if (twin.file !== document.file || twin.line !== line) {
          notices.push({ file: document.file, line, message: `PolicyException ${name} is also defined in ${twin.file}:${twin.line}; that one is used` });
        }
        continue;
      }
      const match2 = matchOf(obj(spec, "match"));
      const conditions = conditionsOf(spec.conditions);
      const onUser = [...match2.any ?? [], ...match2.all ?? []].some((f) => f.onUser);
      const unknown = conditions ? unevaluable(conditions) : [];
      if (onUser || unknown.length > 0) {
        const what = [...onUser ? ["conditions on the requesting user (subjects, roles)"] : [], ...unknown.length > 0 ? [`conditions ${unknown.join(", ")}`] : []].join(" and ");
        notices.push({ file: document.file, line, message: `PolicyException ${name}: ${what} cannot be known at review time; where they decide, the exception is taken not to apply` });
      }
      exceptions.push({
        name,
        file: document.file,
        line,
        targets: list(spec, "exceptions").filter(isObject).map((e) => ({ policyName: str(e, "policyName"), ruleNames: strings3(e.ruleNames) })),
        match: match2,
        conditions,
        podSecurity: podSecurityExcludesOf(spec.podSecurity)
      });
    }
  }
  if (exceptions.length > 0) {
    const first = exceptions[0];
    notices.push({
      file: first.file,
      line: first.line,
      message: `${exceptions.length === 1 ? "PolicyException" : `${exceptions.length} PolicyExceptions`} honoured as Kyverno does when it runs with PolicyExceptions enabled (--enablePolicyException) in the exceptions' namespaces`
    });
  }
  return { exceptions, notices };
}
function namesRule(exception, policyKey2, ruleName) {
  return exception.targets.some((t) => t.policyName === policyKey2 && t.ruleNames.some((pattern) => matchWildcard(ruleName, [pattern]) !== null));
}
function exceptionApplies(exception, subject2, object) {
  const holds = (filters, every) => filters !== null && filters.length > 0 && (every ? filters.every((f) => filterHolds(f, subject2, [], false)) : filters.some((f) => filterHolds(f, subject2, [], false)));
  const matched = exception.match.any !== null ? holds(exception.match.any, false) : holds(exception.match.all, true);
  if (!matched) return false;
  return exception.conditions === null || conditionsHold(exception.conditions, { object, namespace: subject2.namespace, shape: "object" }) === true;
}

// src/policy/sources/cluster.ts
var policySourceNames = ["config", "namespace-labels", "kyverno", "admission-config"];
function reads(options, source) {
  return options.sources?.has(source) ?? true;
}
function readsClusterSources(options) {
  return reads(options, "admission-config") || reads(options, "kyverno");
}
function parsePolicySources(text3) {
  const names = text3.split(/[\s,]+/).filter((n) => n !== "");
  const unknown = names.filter((n) => !policySourceNames.includes(n));
  if (unknown.length > 0) return { ok: false, error: `unknown policy source ${unknown.map((n) => JSON.stringify(n)).join(", ")}; valid: ${policySourceNames.join(", ")}` };
  return { ok: true, value: new Set(names) };
}
var controllers = /* @__PURE__ */ new Set(["DaemonSet", "Deployment", "Job", "StatefulSet", "ReplicaSet", "ReplicationController", "CronJob"]);
function exceptionMistakes(exceptions, rules) {
  const notices = [];
  for (const exception of exceptions) {
    const kinds = [...exception.match.any ?? [], ...exception.match.all ?? []].flatMap((f) => f.kinds ?? []).map((k) => k.split("/").pop() ?? k);
    for (const target of exception.targets) {
      const named = rules.filter((r) => policyKey(r) === target.policyName);
      if (named.length === 0) {
        notices.push({ file: exception.file, line: exception.line, message: `PolicyException ${exception.name} names policy ${target.policyName}, which has no podSecurity rule in the repository` });
        continue;
      }
      const forControllers = kinds.filter((k) => controllers.has(k));
      const onPodsOnly = (r) => [...r.match.any ?? [], ...r.match.all ?? []].every((f) => (f.kinds ?? []).every((k) => (k.split("/").pop() ?? k) === "Pod"));
      const generated = named.filter((r) => onPodsOnly(r) && r.autogen.some((k) => forControllers.includes(k)));
      const missed = generated.filter((r) => !target.ruleNames.some((n) => matchWildcard(`autogen-${r.ruleName}`, [n]) !== null || matchWildcard(`autogen-cronjob-${r.ruleName}`, [n]) !== null));
      if (missed.length > 0 && forControllers.length > 0) {
        const names = missed.map((r) => `autogen-${r.ruleName}`).join(", ");
        notices.push({ file: exception.file, line: exception.line, message: `PolicyException ${exception.name} matches ${forControllers.join(", ")}, but for them Kyverno evaluates the rule it generates (${names}${forControllers.includes("CronJob") ? ", or autogen-cronjob-\u2026" : ""}), which the exception does not name: it does not apply to them` });
      }
    }
  }
  return notices;
}
function clusterSourcesOf(all, options) {
  const seen = /* @__PURE__ */ new Set();
  const documents = all.filter((d) => {
    const key = `${d.file}\0${d.index}`;
    return !seen.has(key) && seen.add(key) !== void 0;
  });
  const problems = [];
  const notices = [];
  let admission = null;
  if (reads(options, "admission-config")) {
    const path10 = options.admissionConfigPath ?? null;
    const found = findAdmissionConfig(documents, path10);
    admission = found.config;
    problems.push(...found.problems);
    notices.push(...found.notices);
    if (path10 !== null && found.config === null && found.problems.length === 0) {
      problems.push({ file: path10, line: 1, message: "holds no PodSecurityConfiguration (alone or in an AdmissionConfiguration), or is not there; the built-in defaults apply" });
    }
  }
  const kyverno = reads(options, "kyverno") ? kyvernoRulesOf(documents) : { rules: [], notices: [] };
  notices.push(...kyverno.notices);
  const exceptions = kyverno.rules.length > 0 ? kyvernoExceptionsOf(documents) : { exceptions: [], notices: [] };
  notices.push(...exceptions.notices);
  const rules = kyverno.rules.map((rule) => {
    const naming = exceptions.exceptions.filter((e) => e.targets.some((t) => t.policyName === policyKey(rule)));
    return naming.length > 0 ? { ...rule, exceptions: naming } : rule;
  });
  notices.push(...exceptionMistakes(exceptions.exceptions, kyverno.rules));
  return { cluster: { admission, kyverno: rules }, problems, notices };
}

// src/policy/sources/advice.ts
var containerNames = (names) => `${names.length === 1 ? "container" : "containers"} ${names.map((n) => JSON.stringify(n)).join(", ")}`;
function perContainer(pod, bad) {
  const names = [];
  const paths = [];
  for (const { name, container, path: path10 } of visitContainers(pod)) {
    if (path10[1] === "ephemeralContainers") continue;
    const at3 = bad(container, path10);
    if (at3) {
      names.push(name);
      paths.push(at3);
    }
  }
  return { names, paths };
}
var checks = {
  "advice.readOnlyRootFilesystem": (pod) => {
    if (str(obj(pod.spec, "os"), "name") === "windows") return null;
    const { names, paths } = perContainer(pod, (c, path10) => optBool(obj(c, "securityContext"), "readOnlyRootFilesystem") === true ? null : [...path10, "securityContext", "readOnlyRootFilesystem"]);
    return names.length === 0 ? null : { check: "advice.readOnlyRootFilesystem", reason: "writable root file system", detail: `${containerNames(names)} should set securityContext.readOnlyRootFilesystem=true`, paths };
  },
  "advice.automountServiceAccountToken": (pod) => optBool(pod.spec, "automountServiceAccountToken") === false ? null : {
    check: "advice.automountServiceAccountToken",
    reason: "service account token mounted",
    detail: "pod should set automountServiceAccountToken=false unless it calls the Kubernetes API",
    paths: [["spec", "automountServiceAccountToken"]]
  },
  "advice.highUid": (pod) => {
    const podContext = obj(pod.spec, "securityContext");
    const low = [];
    const paths = [];
    for (const key of ["runAsUser", "runAsGroup"]) {
      const podValue = optInt(podContext, key);
      const { names, paths: containerPaths } = perContainer(pod, (c, path10) => {
        const value = optInt(obj(c, "securityContext"), key) ?? podValue;
        return value !== void 0 && value > 1e4 ? null : [...path10, "securityContext", key];
      });
      if (names.length > 0) {
        low.push(`${containerNames(names)} should run with ${key} above 10000`);
        paths.push(...containerPaths);
      }
    }
    return low.length === 0 ? null : { check: "advice.highUid", reason: "UID or GID not above 10000", detail: low.join("; "), paths };
  },
  "advice.dropNetRaw": (pod) => {
    const { names, paths } = perContainer(pod, (c, path10) => {
      const capabilities = obj(obj(c, "securityContext"), "capabilities");
      const drop = list(capabilities, "drop");
      const adds = list(capabilities, "add").includes("NET_RAW");
      return !adds && (drop.includes("ALL") || drop.includes("NET_RAW")) ? null : [...path10, "securityContext", "capabilities", adds ? "add" : "drop"];
    });
    return names.length === 0 ? null : { check: "advice.dropNetRaw", reason: "NET_RAW not dropped", detail: `${containerNames(names)} should drop NET_RAW (or ALL) and not add it`, paths };
  },
  "advice.imageDigest": (pod) => {
    const { names, paths } = perContainer(pod, (c, path10) => /@sha256:[0-9a-f]{64}$/.test(str(c, "image")) ? null : [...path10, "image"]);
    return names.length === 0 ? null : { check: "advice.imageDigest", reason: "image not pinned by digest", detail: `${containerNames(names)} should name the image by digest (image@sha256:\u2026)`, paths };
  },
  "advice.resourceLimits": (pod) => {
    const { names, paths } = perContainer(pod, (c, path10) => {
      const limits = obj(obj(c, "resources"), "limits");
      return isObject(limits) && limits.cpu !== void 0 && limits.memory !== void 0 ? null : [...path10, "resources", "limits"];
    });
    return names.length === 0 ? null : { check: "advice.resourceLimits", reason: "no resource limits", detail: `${containerNames(names)} should set resources.limits.cpu and memory`, paths };
  }
};
function adviceFailures(pod, enabled = () => true) {
  const failures = [];
  for (const [id, check] of Object.entries(checks)) {
    if (!enabled(id)) continue;
    const advice = check(pod);
    if (advice) failures.push(advice);
  }
  return failures;
}
function adviceFindings(source, settings) {
  const findings = [];
  for (const advice of adviceFailures(source.pod, (id) => settings.enabled.has(id))) {
    const id = advice.check;
    const blocking = settings.blocking.has(id);
    const locations = advice.paths.map((podPath) => {
      const documentPath = [...source.templatePath, ...podPath];
      const where2 = locate(source.document.source, documentPath);
      const container = podPath[1] === "containers" || podPath[1] === "initContainers" ? str(list(source.pod.spec, String(podPath[1]))[podPath[2]], "name") : null;
      return { path: formatFieldPath(documentPath), line: where2.line, column: where2.column, exact: where2.exact, container };
    }).sort((a, b) => a.line - b.line || a.column - b.column);
    const containers = [...new Set(locations.map((l) => l.container).filter((c) => c !== null))];
    findings.push({
      file: source.document.file,
      apiVersion: source.apiVersion,
      kind: source.kind,
      namespace: source.namespace,
      name: source.name,
      container: containers.length === 1 ? containers[0] ?? null : null,
      containers,
      check: advice.check,
      reason: advice.reason,
      detail: advice.detail,
      level: "restricted",
      version: "latest",
      line: locations[0]?.line ?? source.document.line,
      locations,
      mode: blocking ? "enforce" : "warn",
      blocking,
      levelSource: { kind: "advisory", detail: `hardening advice ${advice.check}${blocking ? ", blocking by the config" : ""}` },
      optOutNote: null,
      fix: null,
      fixNote: null
    });
  }
  return findings;
}

// src/policy/sources/psp.ts
var pspApiVersions = /* @__PURE__ */ new Set(["policy/v1beta1", "extensions/v1beta1"]);
var baselineCapabilities = allowedV1_0;
var restrictedVolumes2 = new Set(allowedVolumeSources);
var baselineSeLinuxTypes = allowedTypesV1_31;
var restrictedSeccomp = /^(runtime\/default|docker\/default|localhost\/.+)$/;
var safeSysctls = allowedV1_37;
var strings4 = (value) => value.map((v) => typeof v === "string" ? v : "");
function mapPodSecurityPolicy(spec, annotations) {
  const baseline = [];
  const restricted = [];
  if (bool(spec, "privileged")) baseline.push("privileged: true");
  for (const key of ["hostNetwork", "hostPID", "hostIPC"]) if (bool(spec, key)) baseline.push(`${key}: true`);
  if (list(spec, "hostPorts").length > 0) baseline.push("hostPorts");
  const capabilities = [...strings4(list(spec, "allowedCapabilities")), ...strings4(list(spec, "defaultAddCapabilities"))];
  const extraCapabilities = [...new Set(capabilities.filter((c) => !baselineCapabilities.has(c)))];
  if (extraCapabilities.length > 0) baseline.push(`allowedCapabilities ${extraCapabilities.join(", ")}`);
  else if (capabilities.some((c) => c !== "NET_BIND_SERVICE")) restricted.push("allowedCapabilities beyond NET_BIND_SERVICE");
  if (!strings4(list(spec, "requiredDropCapabilities")).includes("ALL")) restricted.push("requiredDropCapabilities without ALL");
  const volumes2 = strings4(list(spec, "volumes"));
  if (volumes2.includes("*") || volumes2.includes("hostPath")) baseline.push(`volumes ${volumes2.includes("*") ? "*" : "hostPath"}`);
  const otherVolumes = volumes2.filter((v) => !restrictedVolumes2.has(v) && v !== "*" && v !== "hostPath");
  if (otherVolumes.length > 0 || volumes2.includes("*") || volumes2.includes("hostPath")) restricted.push(`volume types beyond ${allowedVolumeSources.join(", ")}`);
  const seLinux = obj(spec, "seLinux");
  const seLinuxOptions2 = obj(seLinux, "seLinuxOptions");
  if (str(seLinux, "rule") === "MustRunAs" && (str(seLinuxOptions2, "user") !== "" || str(seLinuxOptions2, "role") !== "" || !baselineSeLinuxTypes.has(str(seLinuxOptions2, "type")))) {
    baseline.push("seLinux options with a custom user, role or type");
  }
  const procMounts = strings4(list(spec, "allowedProcMountTypes"));
  if (procMounts.some((t) => t !== "Default")) baseline.push("allowedProcMountTypes Unmasked");
  const unsafeSysctls = strings4(list(spec, "allowedUnsafeSysctls")).filter((s) => !safeSysctls.has(s));
  if (unsafeSysctls.length > 0) baseline.push(`allowedUnsafeSysctls ${unsafeSysctls.join(", ")}`);
  if (spec.allowPrivilegeEscalation !== false) restricted.push("allowPrivilegeEscalation not false");
  const runAsUser2 = obj(spec, "runAsUser");
  const rule = str(runAsUser2, "rule");
  const ranges = list(runAsUser2, "ranges").filter(isObject);
  const nonRoot = rule === "MustRunAsNonRoot" || rule === "MustRunAs" && ranges.length > 0 && ranges.every((r) => typeof r.min === "number" && r.min > 0);
  if (!nonRoot) restricted.push(`runAsUser rule ${rule === "" ? "(none)" : rule} allows root`);
  const seccomp = annotations["seccomp.security.alpha.kubernetes.io/allowedProfileNames"];
  const profiles = seccomp === void 0 ? [] : seccomp.split(",").map((p) => p.trim());
  if (profiles.includes("unconfined")) baseline.push("seccomp profile unconfined");
  if (profiles.length === 0 || !profiles.every((p) => restrictedSeccomp.test(p))) restricted.push("seccomp profiles other than runtime/default or localhost/*");
  const level3 = baseline.length > 0 ? "privileged" : restricted.length > 0 ? "baseline" : "restricted";
  return { level: level3, beyondBaseline: baseline, beyondRestricted: level3 === "restricted" ? [] : restricted };
}
function replacementLabels(level3) {
  const lines = ["metadata:", "  labels:", `    pod-security.kubernetes.io/enforce: ${level3}`, "    pod-security.kubernetes.io/enforce-version: latest"];
  if (level3 !== "restricted") lines.push("    pod-security.kubernetes.io/warn: restricted", "    pod-security.kubernetes.io/warn-version: latest");
  return lines.join("\n");
}
function podSecurityPolicies(document) {
  return objectsOf(document).filter((o) => o.kind === "PodSecurityPolicy" && pspApiVersions.has(o.apiVersion)).map((o) => {
    const metadata = obj(o.value, "metadata");
    const annotations = Object.fromEntries(Object.entries(obj(metadata, "annotations") ?? {}).filter((e) => typeof e[1] === "string"));
    return { name: str(metadata, "name"), apiVersion: o.apiVersion, spec: obj(o.value, "spec") ?? {}, annotations, kindLine: locate(document.source, [...o.path, "kind"]).line };
  });
}
function pspFinding(file, psp, blocking) {
  const mapping = mapPodSecurityPolicy(psp.spec, psp.annotations);
  const why = mapping.level === "privileged" ? ` (it allows ${mapping.beyondBaseline.join("; ")})` : mapping.level === "baseline" ? ` (restricted would forbid ${mapping.beyondRestricted.join("; ")})` : "";
  return {
    file,
    apiVersion: psp.apiVersion,
    kind: "PodSecurityPolicy",
    namespace: null,
    name: psp.name,
    container: null,
    containers: [],
    check: pspCheckId,
    reason: "PodSecurityPolicy was removed in Kubernetes v1.25",
    detail: `no current cluster enforces it; the closest Pod Security level is ${mapping.level}${why}`,
    level: mapping.level,
    version: "latest",
    line: psp.kindLine,
    locations: [{ path: "kind", line: psp.kindLine, column: 1, exact: true, container: null }],
    mode: blocking ? "enforce" : "warn",
    blocking,
    levelSource: { kind: "advisory", detail: `the settings of PodSecurityPolicy ${psp.name}, mapped to the Pod Security Standards` },
    optOutNote: null,
    fix: null,
    fixNote: `Delete it and label the namespaces whose pods it admitted instead:

\`\`\`yaml
${replacementLabels(mapping.level)}
\`\`\``
  };
}
function pspFindingsOf(documents, checks2) {
  if (!checks2.enabled.has(pspCheckId)) return [];
  const blocking = checks2.blocking.has(pspCheckId);
  return documents.flatMap((document) => podSecurityPolicies(document).map((psp) => pspFinding(document.file, psp, blocking)));
}
function changedPspFindings(head, base, checks2, same2) {
  if (!checks2.enabled.has(pspCheckId)) return [];
  const before = new Map(base.flatMap((document) => podSecurityPolicies(document).map((psp) => [psp.name, psp])));
  const blocking = checks2.blocking.has(pspCheckId);
  return head.flatMap(
    (document) => podSecurityPolicies(document).flatMap((psp) => {
      const old = before.get(psp.name);
      if (old && same2(old.spec, psp.spec) && same2(old.annotations, psp.annotations)) return [];
      return [{ finding: pspFinding(document.file, psp, blocking), status: old ? "modified" : "new" }];
    })
  );
}

// src/policy/sources/settings.ts
var defaultExtraChecks = { enabled: /* @__PURE__ */ new Set([pspCheckId]), blocking: /* @__PURE__ */ new Set() };

// src/workloads/apiTypes.generated.ts
var kindTypes = { "CronJob": "batch/v1.CronJob", "DaemonSet": "apps/v1.DaemonSet", "Deployment": "apps/v1.Deployment", "Job": "batch/v1.Job", "Pod": "core/v1.Pod", "PodTemplate": "core/v1.PodTemplate", "ReplicaSet": "apps/v1.ReplicaSet", "ReplicationController": "core/v1.ReplicationController", "StatefulSet": "apps/v1.StatefulSet" };
var apiTypes = {
  "apps/v1.DaemonSet": { "apiVersion": "string", "kind": "string", "metadata": "meta/v1.ObjectMeta", "spec": "apps/v1.DaemonSetSpec", "status": "apps/v1.DaemonSetStatus" },
  "apps/v1.DaemonSetCondition": { "lastTransitionTime": "time", "message": "string", "reason": "string", "status": "string", "type": "string" },
  "apps/v1.DaemonSetSpec": { "minReadySeconds": "int32", "revisionHistoryLimit": "int32", "selector": "meta/v1.LabelSelector", "template": "core/v1.PodTemplateSpec", "updateStrategy": "apps/v1.DaemonSetUpdateStrategy" },
  "apps/v1.DaemonSetStatus": { "collisionCount": "int32", "conditions": "[apps/v1.DaemonSetCondition]", "currentNumberScheduled": "int32", "desiredNumberScheduled": "int32", "numberAvailable": "int32", "numberMisscheduled": "int32", "numberReady": "int32", "numberUnavailable": "int32", "observedGeneration": "int64", "updatedNumberScheduled": "int32" },
  "apps/v1.DaemonSetUpdateStrategy": { "rollingUpdate": "apps/v1.RollingUpdateDaemonSet", "type": "string" },
  "apps/v1.Deployment": { "apiVersion": "string", "kind": "string", "metadata": "meta/v1.ObjectMeta", "spec": "apps/v1.DeploymentSpec", "status": "apps/v1.DeploymentStatus" },
  "apps/v1.DeploymentCondition": { "lastTransitionTime": "time", "lastUpdateTime": "time", "message": "string", "reason": "string", "status": "string", "type": "string" },
  "apps/v1.DeploymentSpec": { "minReadySeconds": "int32", "paused": "boolean", "progressDeadlineSeconds": "int32", "replicas": "int32", "revisionHistoryLimit": "int32", "selector": "meta/v1.LabelSelector", "strategy": "apps/v1.DeploymentStrategy", "template": "core/v1.PodTemplateSpec" },
  "apps/v1.DeploymentStatus": { "availableReplicas": "int32", "collisionCount": "int32", "conditions": "[apps/v1.DeploymentCondition]", "observedGeneration": "int64", "readyReplicas": "int32", "replicas": "int32", "terminatingReplicas": "int32", "unavailableReplicas": "int32", "updatedReplicas": "int32" },
  "apps/v1.DeploymentStrategy": { "rollingUpdate": "apps/v1.RollingUpdateDeployment", "type": "string" },
  "apps/v1.ReplicaSet": { "apiVersion": "string", "kind": "string", "metadata": "meta/v1.ObjectMeta", "spec": "apps/v1.ReplicaSetSpec", "status": "apps/v1.ReplicaSetStatus" },
  "apps/v1.ReplicaSetCondition": { "lastTransitionTime": "time", "message": "string", "reason": "string", "status": "string", "type": "string" },
  "apps/v1.ReplicaSetSpec": { "minReadySeconds": "int32", "replicas": "int32", "selector": "meta/v1.LabelSelector", "template": "core/v1.PodTemplateSpec" },
  "apps/v1.ReplicaSetStatus": { "availableReplicas": "int32", "conditions": "[apps/v1.ReplicaSetCondition]", "fullyLabeledReplicas": "int32", "observedGeneration": "int64", "readyReplicas": "int32", "replicas": "int32", "terminatingReplicas": "int32" },
  "apps/v1.RollingUpdateDaemonSet": { "maxSurge": "int-or-string", "maxUnavailable": "int-or-string" },
  "apps/v1.RollingUpdateDeployment": { "maxSurge": "int-or-string", "maxUnavailable": "int-or-string" },
  "apps/v1.RollingUpdateStatefulSetStrategy": { "maxUnavailable": "int-or-string", "partition": "int32" },
  "apps/v1.StatefulSet": { "apiVersion": "string", "kind": "string", "metadata": "meta/v1.ObjectMeta", "spec": "apps/v1.StatefulSetSpec", "status": "apps/v1.StatefulSetStatus" },
  "apps/v1.StatefulSetCondition": { "lastTransitionTime": "time", "message": "string", "reason": "string", "status": "string", "type": "string" },
  "apps/v1.StatefulSetOrdinals": { "start": "int32" },
  "apps/v1.StatefulSetPersistentVolumeClaimRetentionPolicy": { "whenDeleted": "string", "whenScaled": "string" },
  "apps/v1.StatefulSetSpec": { "minReadySeconds": "int32", "ordinals": "apps/v1.StatefulSetOrdinals", "persistentVolumeClaimRetentionPolicy": "apps/v1.StatefulSetPersistentVolumeClaimRetentionPolicy", "podManagementPolicy": "string", "replicas": "int32", "revisionHistoryLimit": "int32", "selector": "meta/v1.LabelSelector", "serviceName": "string", "template": "core/v1.PodTemplateSpec", "updateStrategy": "apps/v1.StatefulSetUpdateStrategy", "volumeClaimTemplates": "[core/v1.PersistentVolumeClaim]" },
  "apps/v1.StatefulSetStatus": { "availableReplicas": "int32", "collisionCount": "int32", "conditions": "[apps/v1.StatefulSetCondition]", "currentReplicas": "int32", "currentRevision": "string", "observedGeneration": "int64", "readyReplicas": "int32", "replicas": "int32", "updateRevision": "string", "updatedReplicas": "int32" },
  "apps/v1.StatefulSetUpdateStrategy": { "rollingUpdate": "apps/v1.RollingUpdateStatefulSetStrategy", "type": "string" },
  "batch/v1.CronJob": { "apiVersion": "string", "kind": "string", "metadata": "meta/v1.ObjectMeta", "spec": "batch/v1.CronJobSpec", "status": "batch/v1.CronJobStatus" },
  "batch/v1.CronJobSpec": { "concurrencyPolicy": "string", "failedJobsHistoryLimit": "int32", "jobTemplate": "batch/v1.JobTemplateSpec", "schedule": "string", "startingDeadlineSeconds": "int64", "successfulJobsHistoryLimit": "int32", "suspend": "boolean", "timeZone": "string" },
  "batch/v1.CronJobStatus": { "active": "[core/v1.ObjectReference]", "lastScheduleTime": "time", "lastSuccessfulTime": "time" },
  "batch/v1.Job": { "apiVersion": "string", "kind": "string", "metadata": "meta/v1.ObjectMeta", "spec": "batch/v1.JobSpec", "status": "batch/v1.JobStatus" },
  "batch/v1.JobCondition": { "lastProbeTime": "time", "lastTransitionTime": "time", "message": "string", "reason": "string", "status": "string", "type": "string" },
  "batch/v1.JobSchedulingConfiguration": { "disruptionMode": "scheduling/v1alpha3.WorkloadPodGroupDisruptionMode", "resourceClaims": "[scheduling/v1alpha3.WorkloadPodGroupResourceClaim]", "schedulingConstraints": "scheduling/v1alpha3.WorkloadPodGroupSchedulingConstraints", "schedulingPolicy": "scheduling/v1alpha3.WorkloadPodGroupSchedulingPolicy" },
  "batch/v1.JobSpec": { "activeDeadlineSeconds": "int64", "backoffLimit": "int32", "backoffLimitPerIndex": "int32", "completionMode": "string", "completions": "int32", "managedBy": "string", "manualSelector": "boolean", "maxFailedIndexes": "int32", "parallelism": "int32", "podFailurePolicy": "batch/v1.PodFailurePolicy", "podReplacementPolicy": "string", "scheduling": "batch/v1.JobSchedulingConfiguration", "selector": "meta/v1.LabelSelector", "successPolicy": "batch/v1.SuccessPolicy", "suspend": "boolean", "template": "core/v1.PodTemplateSpec", "ttlSecondsAfterFinished": "int32" },
  "batch/v1.JobStatus": { "active": "int32", "completedIndexes": "string", "completionTime": "time", "conditions": "[batch/v1.JobCondition]", "failed": "int32", "failedIndexes": "string", "ready": "int32", "startTime": "time", "succeeded": "int32", "terminating": "int32", "uncountedTerminatedPods": "batch/v1.UncountedTerminatedPods" },
  "batch/v1.JobTemplateSpec": { "metadata": "meta/v1.ObjectMeta", "spec": "batch/v1.JobSpec" },
  "batch/v1.PodFailurePolicy": { "rules": "[batch/v1.PodFailurePolicyRule]" },
  "batch/v1.PodFailurePolicyOnExitCodesRequirement": { "containerName": "string", "operator": "string", "values": "[int32]" },
  "batch/v1.PodFailurePolicyOnPodConditionsPattern": { "status": "string", "type": "string" },
  "batch/v1.PodFailurePolicyRule": { "action": "string", "onExitCodes": "batch/v1.PodFailurePolicyOnExitCodesRequirement", "onPodConditions": "[batch/v1.PodFailurePolicyOnPodConditionsPattern]" },
  "batch/v1.SuccessPolicy": { "rules": "[batch/v1.SuccessPolicyRule]" },
  "batch/v1.SuccessPolicyRule": { "succeededCount": "int32", "succeededIndexes": "string" },
  "batch/v1.UncountedTerminatedPods": { "failed": "[string]", "succeeded": "[string]" },
  "core/v1.AWSElasticBlockStoreVolumeSource": { "fsType": "string", "partition": "int32", "readOnly": "boolean", "volumeID": "string" },
  "core/v1.Affinity": { "nodeAffinity": "core/v1.NodeAffinity", "podAffinity": "core/v1.PodAffinity", "podAntiAffinity": "core/v1.PodAntiAffinity" },
  "core/v1.AppArmorProfile": { "localhostProfile": "string", "type": "string" },
  "core/v1.AzureDiskVolumeSource": { "cachingMode": "string", "diskName": "string", "diskURI": "string", "fsType": "string", "kind": "string", "readOnly": "boolean" },
  "core/v1.AzureFileVolumeSource": { "readOnly": "boolean", "secretName": "string", "shareName": "string" },
  "core/v1.CSIVolumeSource": { "driver": "string", "fsType": "string", "nodePublishSecretRef": "core/v1.LocalObjectReference", "readOnly": "boolean", "volumeAttributes": "{string}" },
  "core/v1.Capabilities": { "add": "[string]", "drop": "[string]" },
  "core/v1.CephFSVolumeSource": { "monitors": "[string]", "path": "string", "readOnly": "boolean", "secretFile": "string", "secretRef": "core/v1.LocalObjectReference", "user": "string" },
  "core/v1.CinderVolumeSource": { "fsType": "string", "readOnly": "boolean", "secretRef": "core/v1.LocalObjectReference", "volumeID": "string" },
  "core/v1.ClusterTrustBundleProjection": { "labelSelector": "meta/v1.LabelSelector", "name": "string", "optional": "boolean", "path": "string", "signerName": "string", "user": "int64" },
  "core/v1.ConfigMapEnvSource": { "name": "string", "optional": "boolean" },
  "core/v1.ConfigMapKeySelector": { "key": "string", "name": "string", "optional": "boolean" },
  "core/v1.ConfigMapProjection": { "items": "[core/v1.KeyToPath]", "name": "string", "optional": "boolean" },
  "core/v1.ConfigMapVolumeSource": { "defaultMode": "int32", "defaultUser": "int64", "items": "[core/v1.KeyToPath]", "name": "string", "optional": "boolean" },
  "core/v1.Container": { "args": "[string]", "command": "[string]", "env": "[core/v1.EnvVar]", "envFrom": "[core/v1.EnvFromSource]", "image": "string", "imagePullPolicy": "string", "lifecycle": "core/v1.Lifecycle", "livenessProbe": "core/v1.Probe", "name": "string", "ports": "[core/v1.ContainerPort]", "readinessProbe": "core/v1.Probe", "resizePolicy": "[core/v1.ContainerResizePolicy]", "resources": "core/v1.ResourceRequirements", "restartPolicy": "string", "restartPolicyRules": "[core/v1.ContainerRestartRule]", "securityContext": "core/v1.SecurityContext", "startupProbe": "core/v1.Probe", "stdin": "boolean", "stdinOnce": "boolean", "terminationMessagePath": "string", "terminationMessagePolicy": "string", "tty": "boolean", "volumeDevices": "[core/v1.VolumeDevice]", "volumeMounts": "[core/v1.VolumeMount]", "workingDir": "string" },
  "core/v1.ContainerExtendedResourceRequest": { "containerName": "string", "requestName": "string", "resourceName": "string" },
  "core/v1.ContainerPort": { "containerPort": "int32", "hostIP": "string", "hostPort": "int32", "name": "string", "protocol": "string" },
  "core/v1.ContainerResizePolicy": { "resourceName": "string", "restartPolicy": "string" },
  "core/v1.ContainerRestartRule": { "action": "string", "exitCodes": "core/v1.ContainerRestartRuleOnExitCodes" },
  "core/v1.ContainerRestartRuleOnExitCodes": { "operator": "string", "values": "[int32]" },
  "core/v1.ContainerState": { "running": "core/v1.ContainerStateRunning", "terminated": "core/v1.ContainerStateTerminated", "waiting": "core/v1.ContainerStateWaiting" },
  "core/v1.ContainerStateRunning": { "startedAt": "time" },
  "core/v1.ContainerStateTerminated": { "containerID": "string", "exitCode": "int32", "finishedAt": "time", "message": "string", "reason": "string", "signal": "int32", "startedAt": "time" },
  "core/v1.ContainerStateWaiting": { "message": "string", "reason": "string" },
  "core/v1.ContainerStatus": { "allocatedResources": "{quantity}", "allocatedResourcesStatus": "[core/v1.ResourceStatus]", "containerID": "string", "image": "string", "imageID": "string", "lastState": "core/v1.ContainerState", "name": "string", "ready": "boolean", "resources": "core/v1.ResourceRequirements", "restartCount": "int32", "started": "boolean", "state": "core/v1.ContainerState", "stopSignal": "string", "user": "core/v1.ContainerUser", "volumeMounts": "[core/v1.VolumeMountStatus]" },
  "core/v1.ContainerUser": { "linux": "core/v1.LinuxContainerUser" },
  "core/v1.DownwardAPIProjection": { "items": "[core/v1.DownwardAPIVolumeFile]" },
  "core/v1.DownwardAPIVolumeFile": { "fieldRef": "core/v1.ObjectFieldSelector", "mode": "int32", "path": "string", "resourceFieldRef": "core/v1.ResourceFieldSelector", "user": "int64" },
  "core/v1.DownwardAPIVolumeSource": { "defaultMode": "int32", "defaultUser": "int64", "items": "[core/v1.DownwardAPIVolumeFile]" },
  "core/v1.EmptyDirVolumeSource": { "medium": "string", "mode": "int32", "sizeLimit": "quantity" },
  "core/v1.EnvFromSource": { "configMapRef": "core/v1.ConfigMapEnvSource", "prefix": "string", "secretRef": "core/v1.SecretEnvSource" },
  "core/v1.EnvVar": { "name": "string", "value": "string", "valueFrom": "core/v1.EnvVarSource" },
  "core/v1.EnvVarSource": { "configMapKeyRef": "core/v1.ConfigMapKeySelector", "fieldRef": "core/v1.ObjectFieldSelector", "fileKeyRef": "core/v1.FileKeySelector", "resourceFieldRef": "core/v1.ResourceFieldSelector", "secretKeyRef": "core/v1.SecretKeySelector" },
  "core/v1.EphemeralContainer": { "args": "[string]", "command": "[string]", "env": "[core/v1.EnvVar]", "envFrom": "[core/v1.EnvFromSource]", "image": "string", "imagePullPolicy": "string", "lifecycle": "core/v1.Lifecycle", "livenessProbe": "core/v1.Probe", "name": "string", "ports": "[core/v1.ContainerPort]", "readinessProbe": "core/v1.Probe", "resizePolicy": "[core/v1.ContainerResizePolicy]", "resources": "core/v1.ResourceRequirements", "restartPolicy": "string", "restartPolicyRules": "[core/v1.ContainerRestartRule]", "securityContext": "core/v1.SecurityContext", "startupProbe": "core/v1.Probe", "stdin": "boolean", "stdinOnce": "boolean", "targetContainerName": "string", "terminationMessagePath": "string", "terminationMessagePolicy": "string", "tty": "boolean", "volumeDevices": "[core/v1.VolumeDevice]", "volumeMounts": "[core/v1.VolumeMount]", "workingDir": "string" },
  "core/v1.EphemeralVolumeSource": { "volumeClaimTemplate": "core/v1.PersistentVolumeClaimTemplate" },
  "core/v1.EvictionResponder": { "name": "string", "priority": "int32" },
  "core/v1.ExecAction": { "command": "[string]" },
  "core/v1.FCVolumeSource": { "fsType": "string", "lun": "int32", "readOnly": "boolean", "targetWWNs": "[string]", "wwids": "[string]" },
  "core/v1.FileKeySelector": { "key": "string", "optional": "boolean", "path": "string", "volumeName": "string" },
  "core/v1.FlexVolumeSource": { "driver": "string", "fsType": "string", "options": "{string}", "readOnly": "boolean", "secretRef": "core/v1.LocalObjectReference" },
  "core/v1.FlockerVolumeSource": { "datasetName": "string", "datasetUUID": "string" },
  "core/v1.GCEPersistentDiskVolumeSource": { "fsType": "string", "partition": "int32", "pdName": "string", "readOnly": "boolean" },
  "core/v1.GRPCAction": { "mode": "string", "port": "int32", "service": "string" },
  "core/v1.GitRepoVolumeSource": { "directory": "string", "repository": "string", "revision": "string" },
  "core/v1.GlusterfsVolumeSource": { "endpoints": "string", "path": "string", "readOnly": "boolean" },
  "core/v1.HTTPGetAction": { "host": "string", "httpHeaders": "[core/v1.HTTPHeader]", "path": "string", "port": "int-or-string", "protocol": "string", "scheme": "string" },
  "core/v1.HTTPHeader": { "name": "string", "value": "string" },
  "core/v1.HostAlias": { "hostnames": "[string]", "ip": "string" },
  "core/v1.HostIP": { "ip": "string" },
  "core/v1.HostPathVolumeSource": { "path": "string", "type": "string" },
  "core/v1.ISCSIVolumeSource": { "chapAuthDiscovery": "boolean", "chapAuthSession": "boolean", "fsType": "string", "initiatorName": "string", "iqn": "string", "iscsiInterface": "string", "lun": "int32", "portals": "[string]", "readOnly": "boolean", "secretRef": "core/v1.LocalObjectReference", "targetPortal": "string" },
  "core/v1.ImageVolumeSource": { "pullPolicy": "string", "reference": "string" },
  "core/v1.ImageVolumeStatus": { "imageRef": "string" },
  "core/v1.KeyToPath": { "key": "string", "mode": "int32", "path": "string", "user": "int64" },
  "core/v1.Lifecycle": { "postStart": "core/v1.LifecycleHandler", "preStop": "core/v1.LifecycleHandler", "stopSignal": "string" },
  "core/v1.LifecycleHandler": { "exec": "core/v1.ExecAction", "httpGet": "core/v1.HTTPGetAction", "sleep": "core/v1.SleepAction", "tcpSocket": "core/v1.TCPSocketAction" },
  "core/v1.LinuxContainerUser": { "gid": "int64", "supplementalGroups": "[int64]", "uid": "int64" },
  "core/v1.LocalObjectReference": { "name": "string" },
  "core/v1.ModifyVolumeStatus": { "status": "string", "targetVolumeAttributesClassName": "string" },
  "core/v1.NFSVolumeSource": { "path": "string", "readOnly": "boolean", "server": "string" },
  "core/v1.NodeAffinity": { "preferredDuringSchedulingIgnoredDuringExecution": "[core/v1.PreferredSchedulingTerm]", "requiredDuringSchedulingIgnoredDuringExecution": "core/v1.NodeSelector" },
  "core/v1.NodeAllocatableMappedResources": { "name": "string", "quantity": "quantity" },
  "core/v1.NodeAllocatableOverheadResources": { "name": "string", "perContainer": "quantity", "perPod": "quantity" },
  "core/v1.NodeAllocatableResourceClaimStatus": { "containers": "[string]", "mapping": "[core/v1.NodeAllocatableMappedResources]", "overhead": "[core/v1.NodeAllocatableOverheadResources]", "resourceClaimName": "string" },
  "core/v1.NodeSelector": { "nodeSelectorTerms": "[core/v1.NodeSelectorTerm]" },
  "core/v1.NodeSelectorRequirement": { "key": "string", "operator": "string", "values": "[string]" },
  "core/v1.NodeSelectorTerm": { "matchExpressions": "[core/v1.NodeSelectorRequirement]", "matchFields": "[core/v1.NodeSelectorRequirement]" },
  "core/v1.ObjectFieldSelector": { "apiVersion": "string", "fieldPath": "string" },
  "core/v1.ObjectReference": { "apiVersion": "string", "fieldPath": "string", "kind": "string", "name": "string", "namespace": "string", "resourceVersion": "string", "uid": "string" },
  "core/v1.PersistentVolumeClaim": { "apiVersion": "string", "kind": "string", "metadata": "meta/v1.ObjectMeta", "spec": "core/v1.PersistentVolumeClaimSpec", "status": "core/v1.PersistentVolumeClaimStatus" },
  "core/v1.PersistentVolumeClaimCondition": { "lastProbeTime": "time", "lastTransitionTime": "time", "message": "string", "reason": "string", "status": "string", "type": "string" },
  "core/v1.PersistentVolumeClaimSpec": { "accessModes": "[string]", "dataSource": "core/v1.TypedLocalObjectReference", "dataSourceRef": "core/v1.TypedObjectReference", "resources": "core/v1.VolumeResourceRequirements", "selector": "meta/v1.LabelSelector", "storageClassName": "string", "volumeAttributesClassName": "string", "volumeMode": "string", "volumeName": "string" },
  "core/v1.PersistentVolumeClaimStatus": { "accessModes": "[string]", "allocatedResourceStatuses": "{string}", "allocatedResources": "{quantity}", "capacity": "{quantity}", "conditions": "[core/v1.PersistentVolumeClaimCondition]", "currentVolumeAttributesClassName": "string", "healthStatus": "core/v1.VolumeHealthStatus", "modifyVolumeStatus": "core/v1.ModifyVolumeStatus", "phase": "string" },
  "core/v1.PersistentVolumeClaimTemplate": { "metadata": "meta/v1.ObjectMeta", "spec": "core/v1.PersistentVolumeClaimSpec" },
  "core/v1.PersistentVolumeClaimVolumeSource": { "claimName": "string", "readOnly": "boolean" },
  "core/v1.PhotonPersistentDiskVolumeSource": { "fsType": "string", "pdID": "string" },
  "core/v1.Pod": { "apiVersion": "string", "kind": "string", "metadata": "meta/v1.ObjectMeta", "spec": "core/v1.PodSpec", "status": "core/v1.PodStatus" },
  "core/v1.PodAffinity": { "preferredDuringSchedulingIgnoredDuringExecution": "[core/v1.WeightedPodAffinityTerm]", "requiredDuringSchedulingIgnoredDuringExecution": "[core/v1.PodAffinityTerm]" },
  "core/v1.PodAffinityTerm": { "labelSelector": "meta/v1.LabelSelector", "matchLabelKeys": "[string]", "mismatchLabelKeys": "[string]", "namespaceSelector": "meta/v1.LabelSelector", "namespaces": "[string]", "topologyKey": "string" },
  "core/v1.PodAntiAffinity": { "preferredDuringSchedulingIgnoredDuringExecution": "[core/v1.WeightedPodAffinityTerm]", "requiredDuringSchedulingIgnoredDuringExecution": "[core/v1.PodAffinityTerm]" },
  "core/v1.PodCertificateProjection": { "certificateChainPath": "string", "credentialBundlePath": "string", "keyPath": "string", "keyType": "string", "maxExpirationSeconds": "int32", "signerName": "string", "user": "int64", "userAnnotations": "{string}" },
  "core/v1.PodCondition": { "lastProbeTime": "time", "lastTransitionTime": "time", "message": "string", "observedGeneration": "int64", "reason": "string", "status": "string", "type": "string" },
  "core/v1.PodDNSConfig": { "nameservers": "[string]", "options": "[core/v1.PodDNSConfigOption]", "searches": "[string]" },
  "core/v1.PodDNSConfigOption": { "name": "string", "value": "string" },
  "core/v1.PodExtendedResourceClaimStatus": { "requestMappings": "[core/v1.ContainerExtendedResourceRequest]", "resourceClaimName": "string" },
  "core/v1.PodIP": { "ip": "string" },
  "core/v1.PodOS": { "name": "string" },
  "core/v1.PodReadinessGate": { "conditionType": "string" },
  "core/v1.PodResourceClaim": { "name": "string", "resourceClaimName": "string", "resourceClaimTemplateName": "string" },
  "core/v1.PodResourceClaimStatus": { "name": "string", "resourceClaimName": "string" },
  "core/v1.PodSchedulingGate": { "name": "string" },
  "core/v1.PodSchedulingGroup": { "podGroupName": "string" },
  "core/v1.PodSecurityContext": { "appArmorProfile": "core/v1.AppArmorProfile", "fsGroup": "int64", "fsGroupChangePolicy": "string", "runAsGroup": "int64", "runAsNonRoot": "boolean", "runAsUser": "int64", "seLinuxChangePolicy": "string", "seLinuxOptions": "core/v1.SELinuxOptions", "seccompProfile": "core/v1.SeccompProfile", "supplementalGroups": "[int64]", "supplementalGroupsPolicy": "string", "sysctls": "[core/v1.Sysctl]", "windowsOptions": "core/v1.WindowsSecurityContextOptions" },
  "core/v1.PodSpec": { "activeDeadlineSeconds": "int64", "affinity": "core/v1.Affinity", "automountServiceAccountToken": "boolean", "containers": "[core/v1.Container]", "dnsConfig": "core/v1.PodDNSConfig", "dnsPolicy": "string", "enableServiceLinks": "boolean", "ephemeralContainers": "[core/v1.EphemeralContainer]", "evictionResponders": "[core/v1.EvictionResponder]", "hostAliases": "[core/v1.HostAlias]", "hostIPC": "boolean", "hostNetwork": "boolean", "hostPID": "boolean", "hostUsers": "boolean", "hostname": "string", "hostnameOverride": "string", "imagePullSecrets": "[core/v1.LocalObjectReference]", "initContainers": "[core/v1.Container]", "nodeName": "string", "nodeSelector": "{string}", "os": "core/v1.PodOS", "overhead": "{quantity}", "preemptionPolicy": "string", "priority": "int32", "priorityClassName": "string", "readinessGates": "[core/v1.PodReadinessGate]", "resourceClaims": "[core/v1.PodResourceClaim]", "resources": "core/v1.ResourceRequirements", "restartPolicy": "string", "runtimeClassName": "string", "schedulerName": "string", "schedulingGates": "[core/v1.PodSchedulingGate]", "schedulingGroup": "core/v1.PodSchedulingGroup", "securityContext": "core/v1.PodSecurityContext", "serviceAccount": "string", "serviceAccountName": "string", "setHostnameAsFQDN": "boolean", "shareProcessNamespace": "boolean", "subdomain": "string", "terminationGracePeriodSeconds": "int64", "tolerations": "[core/v1.Toleration]", "topologySpreadConstraints": "[core/v1.TopologySpreadConstraint]", "volumes": "[core/v1.Volume]" },
  "core/v1.PodStatus": { "allocatedResources": "{quantity}", "conditions": "[core/v1.PodCondition]", "containerStatuses": "[core/v1.ContainerStatus]", "ephemeralContainerStatuses": "[core/v1.ContainerStatus]", "extendedResourceClaimStatus": "core/v1.PodExtendedResourceClaimStatus", "hostIP": "string", "hostIPs": "[core/v1.HostIP]", "initContainerStatuses": "[core/v1.ContainerStatus]", "message": "string", "nodeAllocatableResourceClaimStatuses": "[core/v1.NodeAllocatableResourceClaimStatus]", "nominatedNodeName": "string", "observedGeneration": "int64", "phase": "string", "podIP": "string", "podIPs": "[core/v1.PodIP]", "qosClass": "string", "reason": "string", "resize": "string", "resourceClaimStatuses": "[core/v1.PodResourceClaimStatus]", "resources": "core/v1.ResourceRequirements", "startTime": "time", "volumeHealth": "[core/v1.PodVolumeHealth]" },
  "core/v1.PodTemplate": { "apiVersion": "string", "kind": "string", "metadata": "meta/v1.ObjectMeta", "template": "core/v1.PodTemplateSpec" },
  "core/v1.PodTemplateSpec": { "metadata": "meta/v1.ObjectMeta", "spec": "core/v1.PodSpec" },
  "core/v1.PodVolumeHealth": { "healthConditions": "[core/v1.VolumeHealthCondition]", "lastTransitionTime": "time", "name": "string" },
  "core/v1.PortworxVolumeSource": { "fsType": "string", "readOnly": "boolean", "volumeID": "string" },
  "core/v1.PreferredSchedulingTerm": { "preference": "core/v1.NodeSelectorTerm", "weight": "int32" },
  "core/v1.Probe": { "exec": "core/v1.ExecAction", "failureThreshold": "int32", "grpc": "core/v1.GRPCAction", "httpGet": "core/v1.HTTPGetAction", "initialDelaySeconds": "int32", "periodSeconds": "int32", "successThreshold": "int32", "tcpSocket": "core/v1.TCPSocketAction", "terminationGracePeriodSeconds": "int64", "timeoutSeconds": "int32" },
  "core/v1.ProjectedVolumeSource": { "defaultMode": "int32", "defaultUser": "int64", "sources": "[core/v1.VolumeProjection]" },
  "core/v1.QuobyteVolumeSource": { "group": "string", "readOnly": "boolean", "registry": "string", "tenant": "string", "user": "string", "volume": "string" },
  "core/v1.RBDVolumeSource": { "fsType": "string", "image": "string", "keyring": "string", "monitors": "[string]", "pool": "string", "readOnly": "boolean", "secretRef": "core/v1.LocalObjectReference", "user": "string" },
  "core/v1.ReplicationController": { "apiVersion": "string", "kind": "string", "metadata": "meta/v1.ObjectMeta", "spec": "core/v1.ReplicationControllerSpec", "status": "core/v1.ReplicationControllerStatus" },
  "core/v1.ReplicationControllerCondition": { "lastTransitionTime": "time", "message": "string", "reason": "string", "status": "string", "type": "string" },
  "core/v1.ReplicationControllerSpec": { "minReadySeconds": "int32", "replicas": "int32", "selector": "{string}", "template": "core/v1.PodTemplateSpec" },
  "core/v1.ReplicationControllerStatus": { "availableReplicas": "int32", "conditions": "[core/v1.ReplicationControllerCondition]", "fullyLabeledReplicas": "int32", "observedGeneration": "int64", "readyReplicas": "int32", "replicas": "int32" },
  "core/v1.ResourceClaim": { "name": "string", "request": "string" },
  "core/v1.ResourceFieldSelector": { "containerName": "string", "divisor": "quantity", "resource": "string" },
  "core/v1.ResourceHealth": { "health": "string", "message": "string", "resourceID": "string" },
  "core/v1.ResourceRequirements": { "claims": "[core/v1.ResourceClaim]", "limits": "{quantity}", "requests": "{quantity}" },
  "core/v1.ResourceStatus": { "name": "string", "resources": "[core/v1.ResourceHealth]" },
  "core/v1.SELinuxOptions": { "level": "string", "role": "string", "type": "string", "user": "string" },
  "core/v1.ScaleIOVolumeSource": { "fsType": "string", "gateway": "string", "protectionDomain": "string", "readOnly": "boolean", "secretRef": "core/v1.LocalObjectReference", "sslEnabled": "boolean", "storageMode": "string", "storagePool": "string", "system": "string", "volumeName": "string" },
  "core/v1.SeccompProfile": { "localhostProfile": "string", "type": "string" },
  "core/v1.SecretEnvSource": { "name": "string", "optional": "boolean" },
  "core/v1.SecretKeySelector": { "key": "string", "name": "string", "optional": "boolean" },
  "core/v1.SecretProjection": { "items": "[core/v1.KeyToPath]", "name": "string", "optional": "boolean" },
  "core/v1.SecretVolumeSource": { "defaultMode": "int32", "defaultUser": "int64", "items": "[core/v1.KeyToPath]", "optional": "boolean", "secretName": "string" },
  "core/v1.SecurityContext": { "allowPrivilegeEscalation": "boolean", "appArmorProfile": "core/v1.AppArmorProfile", "capabilities": "core/v1.Capabilities", "privileged": "boolean", "procMount": "string", "readOnlyRootFilesystem": "boolean", "runAsGroup": "int64", "runAsNonRoot": "boolean", "runAsUser": "int64", "seLinuxOptions": "core/v1.SELinuxOptions", "seccompProfile": "core/v1.SeccompProfile", "windowsOptions": "core/v1.WindowsSecurityContextOptions" },
  "core/v1.ServiceAccountTokenProjection": { "audience": "string", "expirationSeconds": "int64", "path": "string", "user": "int64" },
  "core/v1.SleepAction": { "seconds": "int64" },
  "core/v1.StorageOSVolumeSource": { "fsType": "string", "readOnly": "boolean", "secretRef": "core/v1.LocalObjectReference", "volumeName": "string", "volumeNamespace": "string" },
  "core/v1.Sysctl": { "name": "string", "value": "string" },
  "core/v1.TCPSocketAction": { "host": "string", "port": "int-or-string" },
  "core/v1.Toleration": { "effect": "string", "key": "string", "operator": "string", "tolerationSeconds": "int64", "value": "string" },
  "core/v1.TopologySpreadConstraint": { "labelSelector": "meta/v1.LabelSelector", "matchLabelKeys": "[string]", "maxSkew": "int32", "minDomains": "int32", "nodeAffinityPolicy": "string", "nodeTaintsPolicy": "string", "topologyKey": "string", "whenUnsatisfiable": "string" },
  "core/v1.TypedLocalObjectReference": { "apiGroup": "string", "kind": "string", "name": "string" },
  "core/v1.TypedObjectReference": { "apiGroup": "string", "kind": "string", "name": "string", "namespace": "string" },
  "core/v1.Volume": { "awsElasticBlockStore": "core/v1.AWSElasticBlockStoreVolumeSource", "azureDisk": "core/v1.AzureDiskVolumeSource", "azureFile": "core/v1.AzureFileVolumeSource", "cephfs": "core/v1.CephFSVolumeSource", "cinder": "core/v1.CinderVolumeSource", "configMap": "core/v1.ConfigMapVolumeSource", "csi": "core/v1.CSIVolumeSource", "downwardAPI": "core/v1.DownwardAPIVolumeSource", "emptyDir": "core/v1.EmptyDirVolumeSource", "ephemeral": "core/v1.EphemeralVolumeSource", "fc": "core/v1.FCVolumeSource", "flexVolume": "core/v1.FlexVolumeSource", "flocker": "core/v1.FlockerVolumeSource", "gcePersistentDisk": "core/v1.GCEPersistentDiskVolumeSource", "gitRepo": "core/v1.GitRepoVolumeSource", "glusterfs": "core/v1.GlusterfsVolumeSource", "hostPath": "core/v1.HostPathVolumeSource", "image": "core/v1.ImageVolumeSource", "iscsi": "core/v1.ISCSIVolumeSource", "name": "string", "nfs": "core/v1.NFSVolumeSource", "persistentVolumeClaim": "core/v1.PersistentVolumeClaimVolumeSource", "photonPersistentDisk": "core/v1.PhotonPersistentDiskVolumeSource", "portworxVolume": "core/v1.PortworxVolumeSource", "projected": "core/v1.ProjectedVolumeSource", "quobyte": "core/v1.QuobyteVolumeSource", "rbd": "core/v1.RBDVolumeSource", "scaleIO": "core/v1.ScaleIOVolumeSource", "secret": "core/v1.SecretVolumeSource", "storageos": "core/v1.StorageOSVolumeSource", "vsphereVolume": "core/v1.VsphereVirtualDiskVolumeSource" },
  "core/v1.VolumeDevice": { "devicePath": "string", "name": "string" },
  "core/v1.VolumeHealthCondition": { "message": "string", "reason": "string", "status": "string" },
  "core/v1.VolumeHealthStatus": { "healthConditions": "[core/v1.VolumeHealthCondition]", "lastTransitionTime": "time" },
  "core/v1.VolumeMount": { "bindMountOptions": "[string]", "mountPath": "string", "mountPropagation": "string", "name": "string", "readOnly": "boolean", "recursiveReadOnly": "string", "subPath": "string", "subPathExpr": "string" },
  "core/v1.VolumeMountStatus": { "mountPath": "string", "name": "string", "readOnly": "boolean", "recursiveReadOnly": "string", "volumeStatus": "core/v1.VolumeStatus" },
  "core/v1.VolumeProjection": { "clusterTrustBundle": "core/v1.ClusterTrustBundleProjection", "configMap": "core/v1.ConfigMapProjection", "downwardAPI": "core/v1.DownwardAPIProjection", "podCertificate": "core/v1.PodCertificateProjection", "secret": "core/v1.SecretProjection", "serviceAccountToken": "core/v1.ServiceAccountTokenProjection" },
  "core/v1.VolumeResourceRequirements": { "limits": "{quantity}", "requests": "{quantity}" },
  "core/v1.VolumeStatus": { "image": "core/v1.ImageVolumeStatus" },
  "core/v1.VsphereVirtualDiskVolumeSource": { "fsType": "string", "storagePolicyID": "string", "storagePolicyName": "string", "volumePath": "string" },
  "core/v1.WeightedPodAffinityTerm": { "podAffinityTerm": "core/v1.PodAffinityTerm", "weight": "int32" },
  "core/v1.WindowsSecurityContextOptions": { "gmsaCredentialSpec": "string", "gmsaCredentialSpecName": "string", "hostProcess": "boolean", "runAsUserName": "string" },
  "meta/v1.LabelSelector": { "matchExpressions": "[meta/v1.LabelSelectorRequirement]", "matchLabels": "{string}" },
  "meta/v1.LabelSelectorRequirement": { "key": "string", "operator": "string", "values": "[string]" },
  "meta/v1.ManagedFieldsEntry": { "apiVersion": "string", "fieldsType": "string", "fieldsV1": "any", "manager": "string", "operation": "string", "subresource": "string", "time": "time" },
  "meta/v1.ObjectMeta": { "annotations": "{string}", "creationTimestamp": "time", "deletionGracePeriodSeconds": "int64", "deletionTimestamp": "time", "finalizers": "[string]", "generateName": "string", "generation": "int64", "labels": "{string}", "managedFields": "[meta/v1.ManagedFieldsEntry]", "name": "string", "namespace": "string", "ownerReferences": "[meta/v1.OwnerReference]", "resourceVersion": "string", "selfLink": "string", "uid": "string" },
  "meta/v1.OwnerReference": { "apiVersion": "string", "blockOwnerDeletion": "boolean", "controller": "boolean", "kind": "string", "name": "string", "uid": "string" },
  "scheduling/v1alpha3.TopologyConstraint": { "key": "string" },
  "scheduling/v1alpha3.WorkloadPodGroupAllDisruptionMode": {},
  "scheduling/v1alpha3.WorkloadPodGroupBasicSchedulingPolicy": {},
  "scheduling/v1alpha3.WorkloadPodGroupDisruptionMode": { "all": "scheduling/v1alpha3.WorkloadPodGroupAllDisruptionMode", "single": "scheduling/v1alpha3.WorkloadPodGroupSingleDisruptionMode" },
  "scheduling/v1alpha3.WorkloadPodGroupGangSchedulingPolicy": { "minCount": "int32" },
  "scheduling/v1alpha3.WorkloadPodGroupResourceClaim": { "name": "string", "resourceClaimName": "string", "resourceClaimTemplateName": "string" },
  "scheduling/v1alpha3.WorkloadPodGroupSchedulingConstraints": { "topology": "[scheduling/v1alpha3.TopologyConstraint]" },
  "scheduling/v1alpha3.WorkloadPodGroupSchedulingPolicy": { "basic": "scheduling/v1alpha3.WorkloadPodGroupBasicSchedulingPolicy", "gang": "scheduling/v1alpha3.WorkloadPodGroupGangSchedulingPolicy" },
  "scheduling/v1alpha3.WorkloadPodGroupSingleDisruptionMode": {}
};

// src/workloads/validate.ts
var scalars = /* @__PURE__ */ new Set(["string", "boolean", "int32", "int64", "number", "int-or-string", "quantity", "time", "duration", "bytes", "any"]);
var parsed = /* @__PURE__ */ new Map();
function typeOf(expression) {
  let type = parsed.get(expression);
  if (type !== void 0) return type;
  if (scalars.has(expression)) type = expression;
  else if (expression.startsWith("[")) type = { list: typeOf(expression.slice(1, -1)) };
  else if (expression.startsWith("{")) type = { map: typeOf(expression.slice(1, -1)) };
  else if (Object.hasOwn(apiTypes, expression)) type = { object: expression };
  else throw new Error(`apiTypes: no type ${expression}`);
  parsed.set(expression, type);
  return type;
}
var int32Limit = 2 ** 31;
var isInt32 = (value) => Number.isInteger(value) && value >= -int32Limit && value < int32Limit;
var quantity = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$/;
var rfc3339 = /^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})$/;
function matches(type, value) {
  if (typeof type === "string") {
    switch (type) {
      case "string":
      case "duration":
      case "bytes":
        return typeof value === "string";
      case "boolean":
        return typeof value === "boolean";
      case "int32":
        return isInt32(value);
      case "int64":
        return Number.isInteger(value);
      case "number":
        return typeof value === "number";
      case "int-or-string":
        return typeof value === "string" || isInt32(value);
      case "quantity":
        return typeof value === "number" || typeof value === "string" && quantity.test(value.trim());
      case "time":
        return typeof value === "string" && rfc3339.test(value);
      case "any":
        return true;
    }
  }
  if ("list" in type) return Array.isArray(value);
  return isObject(value);
}
var scalarWords = {
  string: "a string",
  boolean: "a boolean",
  int32: "a 32-bit integer",
  int64: "an integer",
  number: "a number",
  "int-or-string": "an integer or a string",
  quantity: "a quantity (such as 500m, 2Gi or 1.5)",
  time: "a time (RFC 3339, such as 2024-01-31T12:00:00Z)",
  duration: "a duration (such as 30s)",
  bytes: "a base64 string",
  any: "any value"
};
function expected(type) {
  if (typeof type === "string") return scalarWords[type];
  return "list" in type ? "a list" : "a mapping";
}
function describe2(value) {
  if (Array.isArray(value)) return "a list";
  if (isObject(value)) return "a mapping";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  return `the ${typeof value} ${String(value)}`;
}
function hint(type, value) {
  if (type === "string" && (typeof value === "boolean" || typeof value === "number")) {
    return " (YAML 1.1 reads this unquoted value as a non-string; quote it)";
  }
  if ((type === "boolean" || type === "int32" || type === "int64") && typeof value === "string") {
    const unquoted = resolvePlainScalar(value);
    if (unquoted.ok && unquoted.kind === (type === "boolean" ? "bool" : "int")) return " (remove the quotes)";
  }
  return "";
}
function validate2(value, type, path10, errors) {
  if (value === void 0 || value === null) return;
  if (!matches(type, value)) {
    errors.push({ path: [...path10], message: `expected ${expected(type)}, found ${describe2(value)}${hint(type, value)}` });
    return;
  }
  if (typeof type === "string") return;
  if ("list" in type) {
    const items = value;
    for (let index = 0; index < items.length; index++) {
      path10.push(index);
      validate2(items[index], type.list, path10, errors);
      path10.pop();
    }
    return;
  }
  const fields2 = "object" in type ? apiTypes[type.object] : void 0;
  for (const [key, item] of Object.entries(value)) {
    if (fields2 !== void 0 && !Object.hasOwn(fields2, key)) continue;
    path10.push(key);
    validate2(item, fields2 === void 0 ? type.map : typeOf(fields2[key]), path10, errors);
    path10.pop();
  }
}
function validateObject(value, kind, path10 = []) {
  const root = kindTypes[kind];
  if (root === void 0) throw new Error(`apiTypes: no type for kind ${kind}`);
  const errors = [];
  validate2(value, typeOf(root), [...path10], errors);
  return errors;
}
function fieldsOf(typeName) {
  const fields2 = apiTypes[typeName];
  if (fields2 === void 0) throw new Error(`apiTypes: no type ${typeName}`);
  return Object.keys(fields2);
}

// src/workloads/defaults.ts
var volumeSources = fieldsOf("core/v1.Volume").filter((field) => field !== "name");
function withDefaultVolumes(spec) {
  const volumes2 = spec.volumes;
  if (!Array.isArray(volumes2)) return void 0;
  return volumes2.map((volume) => {
    if (!isObject(volume)) return volume;
    const hasSource = volumeSources.some((key) => volume[key] !== null && volume[key] !== void 0);
    return hasSource ? volume : { ...volume, emptyDir: {} };
  });
}
function withHostNetworkPorts(containers) {
  if (!Array.isArray(containers)) return containers;
  return containers.map((container) => {
    if (!isObject(container) || !Array.isArray(container.ports)) return container;
    const ports = container.ports.map((port) => {
      if (!isObject(port)) return port;
      const hostPort = port.hostPort;
      if (hostPort !== void 0 && hostPort !== null && hostPort !== 0) return port;
      return { ...port, hostPort: port.containerPort ?? 0 };
    });
    return { ...container, ports };
  });
}
function applyApiServerDefaults(spec, isPod) {
  const out = { ...spec };
  const volumes2 = withDefaultVolumes(spec);
  if (volumes2) out.volumes = volumes2;
  if (isPod && spec.hostNetwork === true) {
    for (const key of ["containers", "initContainers"]) {
      if (spec[key] !== void 0) out[key] = withHostNetworkPorts(spec[key]);
    }
  }
  return out;
}

// src/workloads/kinds.ts
var apps = ["apps", "extensions"];
var workloadKinds = [
  { kind: "Pod", groups: [""], template: [] },
  { kind: "PodTemplate", groups: [""], template: ["template"] },
  { kind: "ReplicationController", groups: [""], template: ["spec", "template"] },
  { kind: "ReplicaSet", groups: apps, template: ["spec", "template"] },
  { kind: "Deployment", groups: apps, template: ["spec", "template"] },
  { kind: "StatefulSet", groups: ["apps"], template: ["spec", "template"] },
  { kind: "DaemonSet", groups: apps, template: ["spec", "template"] },
  { kind: "Job", groups: ["batch"], template: ["spec", "template"] },
  { kind: "CronJob", groups: ["batch"], template: ["spec", "jobTemplate", "spec", "template"] }
];
function apiGroup(apiVersion) {
  const slash = apiVersion.indexOf("/");
  return slash === -1 ? "" : apiVersion.slice(0, slash);
}
function isBuiltInGroup(group) {
  return ["", "apps", "batch", "extensions", "policy", "autoscaling"].includes(group) || group.endsWith(".k8s.io");
}
function misplacedWorkloadKind(apiVersion, kind) {
  const group = apiGroup(apiVersion);
  const named = workloadKinds.find((w) => w.kind === kind);
  if (named === void 0 || named.groups.includes(group) || !isBuiltInGroup(group)) return void 0;
  const home = named.groups[0] ?? "";
  return home === "" ? "v1" : `${home}/v1`;
}
function findWorkloadKind(apiVersion, kind) {
  const group = apiGroup(apiVersion);
  return workloadKinds.find((w) => w.kind === kind && w.groups.includes(group));
}

// src/workloads/extract.ts
function at2(value, path10) {
  let current = value;
  for (const segment of path10) {
    if (typeof segment === "number") current = Array.isArray(current) ? current[segment] : void 0;
    else current = isObject(current) ? current[segment] : void 0;
  }
  return current;
}
function withDecodedAnnotations(metadata) {
  const annotations = obj(metadata, "annotations");
  if (!annotations) return metadata;
  const decoded = Object.fromEntries(Object.entries(annotations).map(([key, value]) => [key, value ?? ""]));
  return { ...metadata, annotations: decoded };
}
function extractPodSpecs(document) {
  const pods = [];
  const problems = [];
  const invalid = (path10, message) => {
    problems.push({
      file: document.file,
      line: locate(document.source, path10).line,
      message: `${formatFieldPath(path10)}: ${message}; the API server would reject this object`,
      kind: "invalid"
    });
  };
  const visit5 = (object, objectPath, inheritedKind, inheritedApiVersion) => {
    const kind = typeof object.kind === "string" ? object.kind : inheritedKind;
    const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion : inheritedApiVersion;
    if (kind === void 0 || apiVersion === void 0) return;
    if (kind.endsWith("List") && Array.isArray(object.items)) {
      const itemKind = kind === "List" ? void 0 : kind.slice(0, -"List".length);
      object.items.forEach((item, index) => {
        if (isObject(item)) visit5(item, [...objectPath, "items", index], itemKind, itemKind ? apiVersion : void 0);
      });
      return;
    }
    const workload = findWorkloadKind(apiVersion, kind);
    if (!workload) {
      const home = misplacedWorkloadKind(apiVersion, kind);
      if (home !== void 0) {
        problems.push({
          file: document.file,
          line: locate(document.source, [...objectPath, "apiVersion"]).line,
          message: `kind ${kind} is not served by apiVersion ${apiVersion} (it is in ${home}); the API server would refuse this object, and it was not checked`,
          kind: "wrong-group"
        });
      }
      return;
    }
    const template = at2(object, workload.template);
    if (!isObject(template)) return;
    const templatePath = [...objectPath, ...workload.template];
    const errors = validateObject(object, workload.kind, objectPath);
    for (const error of errors) invalid(error.path, error.message);
    if (errors.length > 0) return;
    const metadata = obj(object, "metadata");
    const namespace = metadata?.namespace;
    pods.push({
      document,
      apiVersion,
      kind,
      namespace: typeof namespace === "string" && namespace !== "" ? namespace : null,
      name: str(metadata, "name"),
      objectPath,
      templatePath,
      pod: {
        metadata: withDecodedAnnotations(obj(template, "metadata") ?? {}),
        spec: applyApiServerDefaults(obj(template, "spec") ?? {}, workload.kind === "Pod")
      }
    });
  };
  if (isObject(document.value)) visit5(document.value, []);
  return { pods, problems };
}

// src/pss/evaluate.ts
function evaluatePod(pod, level3, version4) {
  const failures = [];
  for (const check of checksFor(level3, version4)) {
    const violation = check.implementation.evaluate(pod);
    if (violation) failures.push({ check: check.id, ...violation });
  }
  return { allowed: failures.length === 0, failures };
}
function detailString(failures) {
  return failures.map((f) => {
    const reason4 = f.reason === "" ? "unknown forbidden reason" : f.reason;
    return f.detail === "" ? reason4 : `${reason4} (${f.detail})`;
  }).join(", ");
}
function enforceMessage(podName, policy, failures) {
  const subject2 = podName === "" ? "pods" : `pods "${podName}"`;
  return `${subject2} is forbidden: violates PodSecurity "${formatLevelVersion(policy)}": ${detailString(failures)}`;
}
function warnMessage(policy, failures) {
  return `would violate PodSecurity "${formatLevelVersion(policy)}": ${detailString(failures)}`;
}

// src/fixes/edits.ts
function set(path10, value) {
  return { op: "set", path: path10, value };
}
function remove(path10) {
  return { op: "delete", path: path10 };
}
function append(path10, value) {
  return { op: "append", path: path10, value };
}
function valueAt2(root, path10) {
  let current = root;
  for (const segment of path10) {
    if (typeof segment === "number") current = Array.isArray(current) ? current[segment] : void 0;
    else current = isObject(current) ? current[segment] : void 0;
    if (current === void 0) return void 0;
  }
  return current;
}
function exists(root, path10) {
  const parent = valueAt2(root, path10.slice(0, -1));
  const last = path10[path10.length - 1];
  if (typeof last === "number") return Array.isArray(parent) && last < parent.length;
  return isObject(parent) && last !== void 0 && Object.prototype.hasOwnProperty.call(parent, last);
}
function editKey(edit) {
  return JSON.stringify([edit.op, edit.path, "value" in edit ? edit.value : null]);
}
function prefixEdit(prefix2, edit) {
  return { ...edit, path: [...prefix2, ...edit.path] };
}
function toJson(value) {
  if (typeof value === "boolean" || typeof value === "string") return value;
  if (Array.isArray(value)) return [...value];
  const out = {};
  for (const [key, item] of Object.entries(value)) out[key] = toJson(item);
  return out;
}
var EditError = class extends Error {
};
function applyEditsToJson(document, edits) {
  const copies = /* @__PURE__ */ new Set();
  const writable = (container) => {
    if (copies.has(container)) return container;
    const copy = Array.isArray(container) ? [...container] : { ...container };
    copies.add(copy);
    return copy;
  };
  const root = typeof document === "object" && document !== null ? writable(document) : document;
  const unique = [...new Map(edits.map((edit) => [editKey(edit), edit])).values()];
  const parentOf = (path10, create) => {
    let current = root;
    for (let i = 0; i < path10.length - 1; i++) {
      const segment = path10[i];
      const holder = current;
      let next = typeof segment === "number" ? Array.isArray(current) ? current[segment] : void 0 : isObject(current) ? current[segment] : void 0;
      if ((next === void 0 || next === null) && create && typeof segment === "string" && isObject(current)) {
        next = {};
        copies.add(next);
      }
      if (next === void 0 || next === null || typeof next !== "object") throw new EditError(`no container at ${JSON.stringify(path10.slice(0, i + 1))}`);
      next = writable(next);
      holder[segment] = next;
      current = next;
    }
    if (typeof current !== "object" || current === null) throw new EditError(`no container for ${JSON.stringify(path10)}`);
    return current;
  };
  for (const edit of unique.filter((e) => e.op === "set")) {
    const parent = parentOf(edit.path, true);
    const last = edit.path[edit.path.length - 1];
    if (typeof last !== "string" || Array.isArray(parent)) throw new EditError(`cannot set ${JSON.stringify(edit.path)}`);
    parent[last] = toJson(edit.value);
  }
  const deletions = unique.filter((e) => e.op === "delete").sort((a, b) => {
    const ia = a.path[a.path.length - 1];
    const ib = b.path[b.path.length - 1];
    return (typeof ib === "number" ? ib : -1) - (typeof ia === "number" ? ia : -1);
  });
  for (const edit of deletions) {
    const parent = parentOf(edit.path, false);
    const last = edit.path[edit.path.length - 1];
    if (typeof last === "number" && Array.isArray(parent)) parent.splice(last, 1);
    else if (typeof last === "string" && !Array.isArray(parent)) delete parent[last];
    else throw new EditError(`cannot delete ${JSON.stringify(edit.path)}`);
  }
  for (const edit of unique.filter((e) => e.op === "append")) {
    const parent = parentOf(edit.path, true);
    const last = edit.path[edit.path.length - 1];
    if (typeof last !== "string" || Array.isArray(parent)) throw new EditError(`cannot append to ${JSON.stringify(edit.path)}`);
    const list4 = parent[last];
    parent[last] = Array.isArray(list4) ? [...list4, edit.value] : [edit.value];
  }
  return root;
}
function jsonEqual(a, b) {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isObject(a ?? null) && isObject(b ?? null)) {
    const ao = a;
    const bo = b;
    const keys = Object.keys(ao).filter((k) => ao[k] !== void 0);
    const otherKeys = Object.keys(bo).filter((k) => bo[k] !== void 0);
    return keys.length === otherKeys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && jsonEqual(ao[k], bo[k]));
  }
  return false;
}

// src/fixes/fixers/common.ts
function writtenAt(context, path10) {
  return valueAt2(context.written, path10);
}
function writtenHas(context, path10) {
  return exists(context.written, path10);
}
function setEach(paths, value) {
  return paths.map((path10) => set(path10, value));
}
function runtimeDefaultProfile(context, typePath) {
  const profilePath = typePath.slice(0, -1);
  const edits = [set(typePath, "RuntimeDefault")];
  if (writtenHas(context, [...profilePath, "localhostProfile"])) edits.push(remove([...profilePath, "localhostProfile"]));
  return edits;
}
function removeItems(context, listPath, indices) {
  const list4 = writtenAt(context, listPath);
  const length = Array.isArray(list4) ? list4.length : 0;
  const unique = [...new Set(indices)];
  if (unique.length === length && length > 0) return [remove(listPath)];
  return unique.map((index) => remove([...listPath, index]));
}
function byList(paths) {
  const groups = /* @__PURE__ */ new Map();
  for (const path10 of paths) {
    const index = path10[path10.length - 1];
    if (typeof index !== "number") continue;
    const list4 = path10.slice(0, -1);
    const key = JSON.stringify(list4);
    const group = groups.get(key) ?? { list: list4, indices: [] };
    group.indices.push(index);
    groups.set(key, group);
  }
  return groups;
}
function hostProcessPaths(pod) {
  const paths = [];
  const isOn = (securityContext) => optBool(obj(securityContext, "windowsOptions"), "hostProcess") === true;
  if (isOn(obj(pod.spec, "securityContext"))) paths.push(["spec", "securityContext", "windowsOptions", "hostProcess"]);
  for (const { container, path: path10 } of visitContainers(pod)) {
    if (isOn(obj(container, "securityContext"))) paths.push([...path10, "securityContext", "windowsOptions", "hostProcess"]);
  }
  return paths;
}
function hostNetworkOff(context) {
  return [set(["spec", "hostNetwork"], false), ...setEach(hostProcessPaths(context.written), false)];
}
function isWrittenObject(value) {
  return isObject(value ?? null);
}

// src/fixes/fixers/allowPrivilegeEscalation.ts
var fixAllowPrivilegeEscalation = ({ failure }) => ({ kind: "edits", edits: setEach(failure.paths, false) });

// src/fixes/fixers/appArmorProfile.ts
var fixAppArmorProfile = (context) => {
  const edits = [];
  for (const path10 of context.failure.paths) {
    if (path10[0] === "metadata") edits.push(set(path10, "runtime/default"));
    else edits.push(...runtimeDefaultProfile(context, path10));
  }
  return { kind: "edits", edits };
};

// src/fixes/fixers/automountServiceAccountToken.ts
var automountCaveat = "Apply it only if the pod does not call the Kubernetes API: without the token, a client in the pod (an operator, a controller, `kubectl`) can no longer authenticate.";
var fixAutomountServiceAccountToken = () => ({ kind: "edits", edits: [set(["spec", "automountServiceAccountToken"], false)], caveat: automountCaveat });

// src/fixes/fixers/capabilities.ts
function removeForbiddenAdds(context) {
  const adds = context.failure.paths.filter((path10) => typeof path10[path10.length - 1] === "number");
  return [...byList(adds).values()].flatMap(({ list: list4, indices }) => removeItems(context, list4, indices));
}
var fixCapabilitiesBaseline = (context) => ({ kind: "edits", edits: removeForbiddenAdds(context) });
var fixCapabilitiesRestricted = (context) => {
  const edits = removeForbiddenAdds(context);
  const drops = context.failure.paths.filter((path10) => path10[path10.length - 1] === "drop");
  for (const path10 of drops) {
    if (Array.isArray(writtenAt(context, path10))) edits.push(append(path10, "ALL"));
    else edits.push(set(path10, ["ALL"]));
  }
  return {
    kind: "edits",
    edits,
    caveat: "If a process needs a capability, for example to bind a port below 1024, add back `NET_BIND_SERVICE`, the only one this level allows."
  };
};

// src/fixes/fixers/hostNamespaces.ts
var fixHostNamespaces = (context) => {
  const edits = [];
  for (const path10 of context.failure.paths) {
    if (path10[0] === "spec" && path10[1] === "hostNetwork") edits.push(...hostNetworkOff(context));
    else edits.push(...setEach([path10], false));
  }
  return {
    kind: "edits",
    edits,
    caveat: "The pod then gets its own network, process and IPC namespaces: anything it reached on the node through them (node ports, host processes) is no longer visible."
  };
};

// src/fixes/fixers/hostPorts.ts
var fixHostPorts = (context) => {
  const edits = context.failure.paths.filter((path10) => writtenHas(context, path10)).map((path10) => remove(path10));
  if (context.kind === "Pod" && writtenAt(context, ["spec", "hostNetwork"]) === true) edits.push(...hostNetworkOff(context));
  return { kind: "edits", edits, caveat: "Publish the port through a Service (ClusterIP, NodePort or LoadBalancer) if clients reached it on the node." };
};

// src/fixes/fixers/hostProbesAndHostLifecycle.ts
var fixHostProbesAndHostLifecycle = (context) => ({
  kind: "edits",
  edits: context.failure.paths.filter((path10) => writtenHas(context, path10)).map((path10) => remove(path10))
});

// src/fixes/fixers/privileged.ts
var fixPrivileged = ({ failure }) => ({ kind: "edits", edits: setEach(failure.paths, false) });

// src/fixes/fixers/procMount.ts
var fixProcMount = ({ failure }) => ({ kind: "edits", edits: setEach(failure.paths, "Default") });

// src/fixes/fixers/readOnlyRootFilesystem.ts
var readOnlyRootFilesystemCaveat = "A process that writes outside its volumes (temporary files, caches, PID files) then fails: mount an `emptyDir` volume where it writes, such as `/tmp`.";
var fixReadOnlyRootFilesystem = ({ failure }) => ({ kind: "edits", edits: setEach(failure.paths, true), caveat: readOnlyRootFilesystemCaveat });

// src/fixes/fixers/runAsNonRoot.ts
var nonRootCaveat = "The image must then run as a non-root user (a numeric USER in the image, or a non-zero `runAsUser`): the kubelet refuses to start a container that would run as root.";
var fixRunAsNonRoot = (context) => {
  const edits = [];
  const podPath = ["spec", "securityContext", "runAsNonRoot"];
  let podValue = optBool(obj(context.pod.spec, "securityContext"), "runAsNonRoot");
  if (podValue === false) {
    edits.push(set(podPath, true));
    podValue = true;
  }
  let unset = false;
  for (const { container, path: path10 } of visitContainers(context.pod)) {
    const value = optBool(obj(container, "securityContext"), "runAsNonRoot");
    if (value === false) edits.push(set([...path10, "securityContext", "runAsNonRoot"], true));
    else if (value === void 0) unset = true;
  }
  if (unset && podValue !== true) edits.push(set(podPath, true));
  return { kind: "edits", edits, caveat: nonRootCaveat };
};

// src/fixes/fixers/runAsUser.ts
var fixRunAsUser = (context) => {
  const edits = [];
  const podNonRoot = optBool(obj(context.pod.spec, "securityContext"), "runAsNonRoot") === true || context.failure.paths.some((path10) => path10.length === 3 && path10[1] === "securityContext");
  for (const path10 of context.failure.paths) {
    edits.push(remove(path10));
    const securityContextPath = path10.slice(0, -1);
    const securityContext = valueAt2(context.pod, securityContextPath);
    const own2 = isWrittenObject(securityContext) ? optBool(securityContext, "runAsNonRoot") : void 0;
    const isPodLevel = securityContextPath.length === 2;
    const inForce = isPodLevel ? own2 === true : own2 === true || own2 === void 0 && podNonRoot;
    if (!inForce) edits.push(set([...securityContextPath, "runAsNonRoot"], true));
  }
  return { kind: "edits", edits, caveat: nonRootCaveat };
};

// src/fixes/fixers/seccompProfile.ts
function fixPresent(context) {
  const edits = [];
  for (const path10 of context.failure.paths) {
    if (path10[0] === "metadata") edits.push(set(path10, "runtime/default"));
    else if (isWrittenObject(writtenAt(context, path10.slice(0, -1)))) edits.push(...runtimeDefaultProfile(context, path10));
  }
  return edits;
}
var fixSeccompProfileBaseline = (context) => ({ kind: "edits", edits: fixPresent(context) });
var fixSeccompProfileRestricted = (context) => {
  const edits = fixPresent(context);
  const podProfile = obj(obj(context.pod.spec, "securityContext"), "seccompProfile");
  const podCovers = podProfile !== void 0;
  const containers = visitContainers(context.pod);
  const uncovered = [];
  for (const { container, path: path10 } of containers) {
    if (obj(obj(container, "securityContext"), "seccompProfile") === void 0 && !podCovers) {
      uncovered.push([...path10, "securityContext", "seccompProfile", "type"]);
    }
  }
  if (uncovered.length > 0 && uncovered.length === containers.length) {
    edits.push(set(["spec", "securityContext", "seccompProfile", "type"], "RuntimeDefault"));
  } else {
    for (const path10 of uncovered) edits.push(set(path10, "RuntimeDefault"));
  }
  return { kind: "edits", edits };
};

// src/fixes/fixers/seLinuxOptions.ts
var fixSeLinuxOptions = (context) => ({
  kind: "edits",
  edits: context.failure.paths.filter((path10) => writtenHas(context, path10)).map((path10) => remove(path10))
});

// src/fixes/fixers/sysctls.ts
var fixSysctls = (context) => {
  const entries2 = context.failure.paths.map((path10) => path10.slice(0, -1));
  return { kind: "edits", edits: [...byList(entries2).values()].flatMap(({ list: list4, indices }) => removeItems(context, list4, indices)) };
};

// src/fixes/notes.ts
function illustrative(yaml) {
  return [
    "Illustrative example, not applicable as-is:",
    "```yaml",
    "# Illustrative only: adapt the names and values before using it.",
    yaml.trimEnd(),
    "```"
  ].join("\n");
}
var guidance = {
  allowPrivilegeEscalation: {
    text: "Set `securityContext.allowPrivilegeEscalation: false` in every container named in the finding.",
    example: "containers:\n- name: app\n  securityContext:\n    allowPrivilegeEscalation: false"
  },
  appArmorProfile: {
    text: "Use the runtime's default AppArmor profile (`appArmorProfile.type: RuntimeDefault`, or the annotation value `runtime/default`), or a profile loaded on the nodes (`Localhost`).",
    example: "securityContext:\n  appArmorProfile:\n    type: RuntimeDefault"
  },
  capabilities_baseline: {
    text: "Remove the capabilities outside the baseline set from `securityContext.capabilities.add`.",
    example: 'securityContext:\n  capabilities:\n    add: ["NET_BIND_SERVICE"]'
  },
  capabilities_restricted: {
    text: "Drop every capability and add back at most `NET_BIND_SERVICE`.",
    example: 'securityContext:\n  capabilities:\n    drop: ["ALL"]\n    add: ["NET_BIND_SERVICE"]   # only if the process binds a port below 1024'
  },
  hostNamespaces: {
    text: "Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to `false`). A workload that really needs the node's namespaces (a node agent) cannot meet this level: run it in a namespace labelled with a less strict Pod Security level.",
    // Names all three fields: the example must fit whichever namespace the finding is about.
    example: "spec:\n  hostNetwork: false\n  hostPID: false\n  hostIPC: false"
  },
  hostPathVolumes: {
    text: "Replace the hostPath volume with a volume type that does not expose the node's file system.",
    example: "volumes:\n- name: data\n  emptyDir: {}"
  },
  hostPorts: {
    text: "Remove `hostPort` and publish the port through a Service instead.",
    example: "ports:\n- containerPort: 8080   # reach it through a Service, not the node's port"
  },
  hostProbesAndHostLifecycle: {
    text: "Remove `host` from the probe or lifecycle handler: it then targets the pod's own IP address.",
    example: "livenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080"
  },
  privileged: {
    text: "Remove `securityContext.privileged` or set it to `false`; grant only the capabilities the process needs.",
    example: "securityContext:\n  privileged: false"
  },
  procMount: {
    text: "Remove `securityContext.procMount` or set it to `Default`.",
    example: "securityContext:\n  procMount: Default"
  },
  procMount_restricted: {
    text: "Remove `securityContext.procMount` or set it to `Default`.",
    example: "securityContext:\n  procMount: Default"
  },
  restrictedVolumes: {
    text: "Use one of the allowed volume types: configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret.",
    example: "volumes:\n- name: data\n  persistentVolumeClaim:\n    claimName: data"
  },
  runAsNonRoot: {
    text: "Set `securityContext.runAsNonRoot: true` (at pod level it covers every container) and make sure the image runs as a non-root user.",
    example: "spec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001   # a UID the image supports"
  },
  runAsUser: {
    text: "Remove `runAsUser: 0`, or set a non-zero UID that the image supports, and set `runAsNonRoot: true`.",
    example: "securityContext:\n  runAsNonRoot: true\n  runAsUser: 10001   # a UID the image supports"
  },
  seLinuxOptions: {
    text: "Remove `seLinuxOptions.user` and `.role`, and any `type` other than container_t, container_init_t, container_kvm_t (or container_engine_t from v1.31).",
    example: 'securityContext:\n  seLinuxOptions:\n    level: "s0:c123,c456"'
  },
  seccompProfile_baseline: {
    text: "Use the runtime's default seccomp profile (`seccompProfile.type: RuntimeDefault`, or the annotation value `runtime/default`) or a `Localhost` profile.",
    example: "securityContext:\n  seccompProfile:\n    type: RuntimeDefault"
  },
  seccompProfile_restricted: {
    text: "Set `securityContext.seccompProfile.type` to `RuntimeDefault` (or `Localhost`), at pod level to cover every container.",
    example: "spec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault"
  },
  sysctls: {
    text: "Remove the sysctls outside the safe set; a workload that needs them cannot meet this level.",
    example: 'securityContext:\n  sysctls:\n  - name: net.ipv4.ip_local_port_range\n    value: "32768 60999"'
  },
  windowsHostProcess: {
    text: "Remove `windowsOptions.hostProcess` or set it to `false`: HostProcess containers need the privileged level.",
    example: "securityContext:\n  windowsOptions:\n    hostProcess: false"
  },
  "advice.readOnlyRootFilesystem": {
    text: "Set `securityContext.readOnlyRootFilesystem: true` in every container named in the finding, and mount an `emptyDir` volume where the process writes.",
    example: "containers:\n- name: app\n  securityContext:\n    readOnlyRootFilesystem: true\n  volumeMounts:\n  - name: tmp\n    mountPath: /tmp\nvolumes:\n- name: tmp\n  emptyDir: {}"
  },
  "advice.automountServiceAccountToken": {
    text: "Set `automountServiceAccountToken: false` in the pod spec unless the pod calls the Kubernetes API.",
    example: "spec:\n  automountServiceAccountToken: false"
  }
};
function noSafeFix(check, reason4) {
  const { text: text3, example } = guidance[check];
  return `No safe mechanical fix was found: ${reason4}. ${text3}

${illustrative(example)}`;
}
function sharedNode(check, reason4) {
  const { text: text3, example } = guidance[check];
  return `No suggestion: the field to change is shared with another place (${reason4}); an edit where it is defined changes every place that uses it. Edit it there if they all should change, or give this pod spec its own value.

${text3}

${illustrative(example)}`;
}
var sharedCaveatLead = "The edit is made where the value is defined";
function sharedCaveat(reason4) {
  return `${sharedCaveatLead} (${reason4}); the other places that use it were checked and do not change.`;
}
var notComputedLead = "not computed:";
function notComputed(budget) {
  return `${notComputedLead} the file's work budget for fixes (${budget.toLocaleString("en-US")} characters verified) ran out before this finding; the finding itself is complete. \`pod-security-review fix\` has no budget and computes it.`;
}
function longLineNote(edit, line) {
  return `Line ${line} is too long to repeat in a suggestion: the fix replaces bytes ${edit.start}\u2013${edit.end} of the file (\`fix.edit\` in the JSON report; \`pod-security-review fix\` applies it).`;
}
function anchorCaveat(reason4, podSpecs) {
  return `${sharedCaveatLead} (${reason4}); it fixes all ${podSpecs} pod specs that use it, which all fail this check, and was checked on each of them.`;
}
function volumeNote(check, volumes2) {
  const list4 = volumes2.map((v) => `"${v.name}" (${v.type})`).join(", ");
  const first = volumes2[0]?.name ?? "data";
  const hostPath = volumes2.some((v) => v.type === "hostPath");
  const allowed = check === "hostPathVolumes" ? "any volume type other than hostPath" : "configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret";
  const options = [
    `No suggestion: replacing ${volumes2.length === 1 ? "volume" : "volumes"} ${list4} needs a choice only you can make. Options:`,
    `- keep the data in the cluster with a volume type the level allows (${allowed}): a persistentVolumeClaim for durable data, emptyDir for scratch space, configMap or secret for configuration;`,
    ...hostPath || check === "restrictedVolumes" ? ["- for network or cloud storage, mount it through a PersistentVolume and a persistentVolumeClaim, or a CSI driver, instead of the in-line volume source;"] : [],
    "- if the pod really needs the node's files or this storage in-line (a node agent, a log collector), it cannot meet this level: run it in a namespace labelled with a less strict Pod Security level."
  ];
  const example = `volumes:
- name: ${first}
  persistentVolumeClaim:
    claimName: ${first}-data   # a claim you create for this data`;
  return `${options.join("\n")}

${illustrative(example)}`;
}

// src/fixes/fixers/volumes.ts
function volumes(context) {
  return context.failure.paths.map((path10) => {
    const volume = writtenAt(context, path10.slice(0, 3));
    const name = isObject(volume ?? null) && typeof volume.name === "string" ? String(volume.name) : "";
    const type = typeof path10[3] === "string" ? path10[3] : "unknown";
    return { name, type };
  });
}
var fixHostPathVolumes = (context) => ({ kind: "manual", note: volumeNote("hostPathVolumes", volumes(context)) });
var fixRestrictedVolumes = (context) => ({ kind: "manual", note: volumeNote("restrictedVolumes", volumes(context)) });

// src/fixes/fixers/windowsHostProcess.ts
var fixWindowsHostProcess = ({ failure }) => ({
  kind: "edits",
  edits: setEach(failure.paths, false),
  caveat: "The containers then run as normal Windows containers, without access to the node."
});

// src/fixes/fixers/index.ts
var fixers = {
  allowPrivilegeEscalation: fixAllowPrivilegeEscalation,
  appArmorProfile: fixAppArmorProfile,
  capabilities_baseline: fixCapabilitiesBaseline,
  capabilities_restricted: fixCapabilitiesRestricted,
  hostNamespaces: fixHostNamespaces,
  hostPathVolumes: fixHostPathVolumes,
  hostPorts: fixHostPorts,
  hostProbesAndHostLifecycle: fixHostProbesAndHostLifecycle,
  privileged: fixPrivileged,
  procMount: fixProcMount,
  procMount_restricted: fixProcMount,
  restrictedVolumes: fixRestrictedVolumes,
  runAsNonRoot: fixRunAsNonRoot,
  runAsUser: fixRunAsUser,
  seLinuxOptions: fixSeLinuxOptions,
  seccompProfile_baseline: fixSeccompProfileBaseline,
  seccompProfile_restricted: fixSeccompProfileRestricted,
  sysctls: fixSysctls,
  windowsHostProcess: fixWindowsHostProcess,
  "advice.readOnlyRootFilesystem": fixReadOnlyRootFilesystem,
  "advice.automountServiceAccountToken": fixAutomountServiceAccountToken
};
var fixableAdviceChecks = ["advice.readOnlyRootFilesystem", "advice.automountServiceAccountToken"];
function isFixableAdvice(check) {
  return fixableAdviceChecks.includes(check);
}

// src/fixes/render.ts
var import_yaml9 = __toESM(require_dist(), 1);

// src/fixes/style.ts
var import_yaml7 = __toESM(require_dist(), 1);

// src/fixes/text.ts
function lineTable(text3) {
  const starts = [0];
  for (let i = text3.indexOf("\n"); i !== -1; i = text3.indexOf("\n", i + 1)) starts.push(i + 1);
  const finalNewline = text3.endsWith("\n");
  if (finalNewline && starts.length > 1) starts.pop();
  const firstBreak = text3.indexOf("\n");
  return { text: text3, starts, eol: firstBreak > 0 && text3[firstBreak - 1] === "\r" ? "\r\n" : "\n", finalNewline };
}
function lineOf(table, offset) {
  let lo = 0;
  let hi = table.starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if ((table.starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
function lineStart(table, line) {
  return table.starts[line - 1] ?? table.text.length;
}
function lineLength(table, line) {
  const start = lineStart(table, line);
  let end = lineStart(table, line + 1);
  if (end > start && table.text.charCodeAt(end - 1) === 10) end--;
  if (end > start && table.text.charCodeAt(end - 1) === 13) end--;
  return end - start;
}
function utf8Length(text3, from, to) {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const unit = text3.charCodeAt(i);
    bytes += unit < 128 ? 1 : unit < 2048 || unit >= 55296 && unit <= 57343 ? 2 : 3;
  }
  return bytes;
}
var byteMarks = /* @__PURE__ */ new WeakMap();
var byteMarkEvery = 4096;
function byteOffset(table, offset) {
  let marks2 = byteMarks.get(table);
  if (!marks2) {
    marks2 = [0];
    for (let at3 = 0; at3 + byteMarkEvery <= table.text.length; at3 += byteMarkEvery) marks2.push((marks2[marks2.length - 1] ?? 0) + utf8Length(table.text, at3, at3 + byteMarkEvery));
    byteMarks.set(table, marks2);
  }
  const mark = Math.min(Math.floor(offset / byteMarkEvery), marks2.length - 1);
  return (marks2[mark] ?? 0) + utf8Length(table.text, mark * byteMarkEvery, offset);
}
function columnOf(table, offset) {
  return offset - lineStart(table, lineOf(table, offset));
}
function afterLineOf(table, offset) {
  return lineStart(table, lineOf(table, offset) + 1);
}
function lineBreakOf(table, offset) {
  const next = lineStart(table, lineOf(table, offset) + 1);
  let end = next;
  if (end > 0 && table.text[end - 1] === "\n" && end > offset) end--;
  if (end > 0 && table.text[end - 1] === "\r" && end > offset) end--;
  return end;
}
function lastContentBefore(text3, end, floor = 0) {
  let i = end - 1;
  while (i > floor && /\s/.test(text3[i] ?? "")) i--;
  return i;
}
function lineText(table, line) {
  const start = lineStart(table, line);
  let end = lineStart(table, line + 1);
  if (end > start && table.text[end - 1] === "\n") end--;
  if (end > start && table.text[end - 1] === "\r") end--;
  return table.text.slice(start, end);
}
var SpliceConflict = class extends Error {
};
function applySplices(text3, splices) {
  let out = "";
  let at3 = 0;
  for (const splice of inOrder(splices)) {
    out += text3.slice(at3, splice.start) + splice.insert;
    at3 = splice.end;
  }
  return out + text3.slice(at3);
}
function inOrder(splices) {
  const ordered = splices.map((splice, order) => ({ splice, order })).sort(
    (a, b) => a.splice.start - b.splice.start || a.splice.end - b.splice.end || (b.splice.column ?? -1) - (a.splice.column ?? -1) || a.order - b.order
  );
  let at3 = 0;
  for (const { splice } of ordered) {
    if (splice.start < at3) throw new SpliceConflict("two edits of the fix would overlap in the text");
    at3 = splice.end;
  }
  return ordered.map(({ splice }) => splice);
}
function changedLines(before, after, shared = { prefix: 0, suffix: 0 }) {
  if (before === after) return null;
  const shortest = Math.min(before.length, after.length);
  let prefixChars = Math.min(shared.prefix, shortest);
  while (prefixChars < shortest && before.charCodeAt(prefixChars) === after.charCodeAt(prefixChars)) prefixChars++;
  let suffixChars = Math.min(shared.suffix, shortest - prefixChars);
  while (suffixChars < shortest - prefixChars && before.charCodeAt(before.length - 1 - suffixChars) === after.charCodeAt(after.length - 1 - suffixChars)) suffixChars++;
  const windowStart = prefixChars === 0 ? 0 : before.lastIndexOf("\n", prefixChars - 1) + 1;
  const breakInSuffix = before.indexOf("\n", before.length - suffixChars);
  const windowEnd = breakInSuffix === -1 ? before.length : breakInSuffix + 1;
  const a = splitWithBreaks(before.slice(windowStart, windowEnd));
  const b = splitWithBreaks(after.slice(windowStart, windowEnd + after.length - before.length));
  let linesBefore = 0;
  for (let at3 = before.indexOf("\n"); at3 !== -1 && at3 < windowStart; at3 = before.indexOf("\n", at3 + 1)) linesBefore++;
  let suffix = 0;
  while (suffix < a.length && suffix < b.length && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const lines = b.slice(0, b.length - suffix).map((line) => line.replace(/\r?\n$/, ""));
  return { start: linesBefore + 1, end: linesBefore + a.length - suffix, lines };
}
function changedLinesOf(table, splices) {
  if (splices.length === 0) return null;
  const text3 = table.text;
  const firstLine2 = lineOf(table, Math.min(...splices.map((s) => s.start)));
  const from = lineStart(table, firstLine2);
  const to = lineStart(table, lineOf(table, Math.max(...splices.map((s) => s.end))) + 1);
  const before = text3.slice(from, to);
  const after = applySplices(before, splices.map((s) => ({ ...s, start: s.start - from, end: s.end - from })));
  const shortest = Math.min(before.length, after.length);
  let prefix2 = 0;
  while (prefix2 < shortest && before.charCodeAt(prefix2) === after.charCodeAt(prefix2)) prefix2++;
  if (prefix2 === shortest && before !== after) return changedLines(text3, applySplices(text3, splices), untouchedEnds(text3, splices));
  const change = changedLines(before, after, { prefix: prefix2, suffix: 0 });
  return change && { ...change, start: change.start + firstLine2 - 1, end: change.end + firstLine2 - 1 };
}
function untouchedEnds(text3, splices) {
  if (splices.length === 0) return { prefix: 0, suffix: 0 };
  return { prefix: Math.min(...splices.map((s) => s.start)), suffix: text3.length - Math.max(...splices.map((s) => s.end)) };
}
function splitWithBreaks(text3) {
  return text3.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

// src/fixes/style.ts
function quoteOf(scalar) {
  if (scalar.type === import_yaml7.Scalar.QUOTE_DOUBLE) return "double";
  if (scalar.type === import_yaml7.Scalar.QUOTE_SINGLE) return "single";
  return "plain";
}
function isStringish(scalar) {
  if (scalar.type !== import_yaml7.Scalar.PLAIN) return true;
  const resolved2 = resolvePlainScalar(String(scalar.value));
  return resolved2.ok && typeof resolved2.value === "string";
}
function mostCommon(values, fallback) {
  const counts = /* @__PURE__ */ new Map();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = fallback;
  let bestCount = 0;
  for (const [value, count2] of counts) {
    if (count2 > bestCount) {
      best = value;
      bestCount = count2;
    }
  }
  return best;
}
function detectStyle(doc, table) {
  const indents = [];
  const sequenceIndents = [];
  const quotes = [];
  const keys = /* @__PURE__ */ new Map();
  const column = (node) => node?.range ? columnOf(table, node.range[0]) : void 0;
  (0, import_yaml7.visit)(doc, {
    Pair(_, pair2, path10) {
      const parent = path10[path10.length - 1];
      if (!(0, import_yaml7.isScalar)(pair2.key)) return;
      const key = String(pair2.key.value);
      const keyColumn2 = column(pair2.key);
      const parentIsBlock = (0, import_yaml7.isMap)(parent) && !parent.flow;
      const value = pair2.value;
      if ((0, import_yaml7.isScalar)(value)) {
        if (value.value !== null && value.value !== "" && isStringish(value)) {
          quotes.push(quoteOf(value));
          if (parentIsBlock && !keys.has(key)) keys.set(key, { quote: quoteOf(value) });
        }
        return;
      }
      if (!((0, import_yaml7.isMap)(value) || (0, import_yaml7.isSeq)(value)) || !parentIsBlock || value.items.length === 0) return;
      const firstItem = value.items[0];
      const itemQuote = (0, import_yaml7.isSeq)(value) && (0, import_yaml7.isScalar)(firstItem) ? quoteOf(firstItem) : void 0;
      if (!keys.has(key) || keys.get(key)?.flow === void 0) keys.set(key, { flow: value.flow === true, ...itemQuote ? { quote: itemQuote } : {} });
      if (value.flow || keyColumn2 === void 0) return;
      if ((0, import_yaml7.isMap)(value) && (0, import_yaml7.isPair)(firstItem)) {
        const childColumn = column(firstItem.key);
        if (childColumn !== void 0 && childColumn > keyColumn2) indents.push(childColumn - keyColumn2);
      }
      if ((0, import_yaml7.isSeq)(value)) {
        const dashColumn = column(value);
        if (dashColumn !== void 0 && dashColumn >= keyColumn2) sequenceIndents.push(dashColumn - keyColumn2);
      }
    }
  });
  const indent = mostCommon(indents, 2);
  return {
    indent,
    sequenceIndent: mostCommon(sequenceIndents, indent),
    quote: mostCommon(quotes, "plain"),
    keys
  };
}
function plainSafe(text3) {
  if (!/^[A-Za-z_/][A-Za-z0-9_./-]*$/.test(text3)) return false;
  const resolved2 = resolvePlainScalar(text3);
  return resolved2.ok && resolved2.value === text3;
}
function formatString(text3, quote) {
  if (quote === "plain" && plainSafe(text3)) return text3;
  if (quote === "single" && !text3.includes("'")) return `'${text3}'`;
  return JSON.stringify(text3);
}
function formatBoolean(value, replacing) {
  const pairs = [
    ["true", "false"],
    ["True", "False"],
    ["TRUE", "FALSE"],
    ["yes", "no"],
    ["Yes", "No"],
    ["YES", "NO"],
    ["on", "off"],
    ["On", "Off"],
    ["ON", "OFF"],
    ["y", "n"],
    ["Y", "N"]
  ];
  for (const [t, f] of pairs) {
    if (replacing === t || replacing === f) return value ? t : f;
  }
  return value ? "true" : "false";
}
function formatScalar(value, quote) {
  return typeof value === "boolean" ? formatBoolean(value) : formatString(value, quote);
}
var siblings = { add: "drop", drop: "add" };
function keyStyle(style, key) {
  if (key === void 0) return void 0;
  const sibling = siblings[key];
  return style.keys.get(key) ?? (sibling !== void 0 ? style.keys.get(sibling) : void 0);
}
function keyQuote(style, key) {
  return keyStyle(style, key)?.quote ?? style.quote;
}
function prefersFlow(style, key) {
  return keyStyle(style, key)?.flow === true;
}
function renderFlow(value, style, key, json = false) {
  const quote = json ? "double" : keyQuote(style, key);
  if (typeof value === "boolean" || typeof value === "string") return formatScalar(value, quote);
  if (Array.isArray(value)) return `[${value.map((item) => formatString(item, quote)).join(", ")}]`;
  const entries2 = Object.entries(value);
  return `{${entries2.map(([k, v]) => renderFlowPair(k, v, style, json)).join(", ")}}`;
}
function renderFlowPair(key, value, style, json = false) {
  return `${json ? JSON.stringify(key) : key}: ${renderFlow(value, style, key, json)}`;
}
function renderBlockPair(key, value, column, style) {
  const pad = " ".repeat(column);
  if (typeof value === "boolean" || typeof value === "string") return [`${pad}${key}: ${formatScalar(value, keyQuote(style, key))}`];
  const isEmpty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
  if (keyStyle(style, key)?.flow === true || isEmpty) return [`${pad}${key}: ${renderFlow(value, style, key)}`];
  return [`${pad}${key}:`, ...renderBlockValue(value, column, style, key)];
}
function renderBlockValue(value, keyColumn2, style, key) {
  if (Array.isArray(value)) {
    const pad = " ".repeat(keyColumn2 + style.sequenceIndent);
    return value.map((item) => `${pad}- ${formatString(item, keyQuote(style, key))}`);
  }
  if (typeof value === "boolean" || typeof value === "string") throw new Error("a scalar is not a block collection");
  return Object.entries(value).flatMap(([k, v]) => renderBlockPair(k, v, keyColumn2 + style.indent, style));
}

// src/fixes/walk.ts
var import_yaml8 = __toESM(require_dist(), 1);
var entriesOf = /* @__PURE__ */ new WeakMap();
function entries(map, doc) {
  let found = entriesOf.get(map);
  if (!found) {
    found = effectiveEntries(map, doc);
    entriesOf.set(map, found);
  }
  return found;
}
function walk(doc, path10) {
  const root = doc.contents;
  const steps = [{ node: resolve3(doc, root), written: root, pair: null, parent: null, merged: false }];
  let current = steps[0]?.node ?? null;
  for (const segment of path10) {
    let next;
    if (typeof segment === "string" && (0, import_yaml8.isMap)(current)) {
      const entry = entries(current, doc).get(segment);
      if (entry) {
        const written = entry.value ?? null;
        next = { node: resolve3(doc, written), written, pair: entry.pair, parent: current, merged: entry.merged };
      }
    } else if (typeof segment === "number" && (0, import_yaml8.isSeq)(current) && segment < current.items.length) {
      const written = current.items[segment] ?? null;
      next = { node: resolve3(doc, written), written, pair: null, parent: current, merged: false };
    }
    if (!next) break;
    steps.push(next);
    current = next.node;
  }
  return { steps, depth: steps.length - 1 };
}
function resolve3(doc, node) {
  return resolved(doc, node) ?? null;
}
function isShared(node, anchors) {
  const anchor = node?.anchor;
  return typeof anchor === "string" && anchors.has(anchor);
}
function definesUsedAnchor(node, anchors) {
  if (node === null) return false;
  if (isShared(node, anchors)) return true;
  if ((0, import_yaml8.isScalar)(node) || (0, import_yaml8.isAlias)(node)) return false;
  if ((0, import_yaml8.isCollection)(node)) {
    for (const item of node.items) {
      const children = (0, import_yaml8.isMap)(node) ? [item.key, item.value] : [item];
      if (children.some((child) => definesUsedAnchor(child, anchors))) return true;
    }
  }
  return false;
}
function sharedReason(walked, upTo, anchors) {
  for (let i = 1; i <= upTo; i++) {
    const step = walked.steps[i];
    if (!step) break;
    if ((0, import_yaml8.isAlias)(step.written) && i < upTo) return `it is reached through the alias *${step.written.source}`;
    if (step.merged && i < upTo) return "it comes from a merge key (<<), which copies a map defined elsewhere";
  }
  for (let i = 0; i < upTo; i++) {
    const node = walked.steps[i]?.node ?? null;
    const anchor = node?.anchor;
    if (isShared(node, anchors)) return `it is inside the anchored node &${anchor ?? ""}, which is also used elsewhere`;
  }
  return null;
}

// src/fixes/render.ts
var RenderError = class extends Error {
  constructor(message, owners, shared = false) {
    super(message);
    this.owners = owners;
    this.shared = shared;
  }
  owners;
  shared;
};
var Unsupported2 = class extends Error {
};
function own(target, from) {
  for (const owner of from.owners) target.owners.add(owner);
  for (const area of from.areas) target.areas.add(area);
}
function fresh() {
  return { owners: /* @__PURE__ */ new Set(), areas: /* @__PURE__ */ new Set() };
}
function isEmptyValue(node) {
  if (node === null) return true;
  if (!(0, import_yaml9.isScalar)(node)) return false;
  try {
    return scalarValue(node) === null;
  } catch (error) {
    if (error instanceof DecodeError) return false;
    throw error;
  }
}
function treeOf(value) {
  if (typeof value === "boolean" || typeof value === "string" || Array.isArray(value)) return value;
  const tree = /* @__PURE__ */ new Map();
  for (const [key, item] of Object.entries(value)) tree.set(key, treeOf(item));
  return tree;
}
function sameValue(a, b) {
  return JSON.stringify(fromTree(a)) === JSON.stringify(fromTree(b));
}
function addToTree(tree, keys, value, owners) {
  const [first, ...rest] = keys;
  if (first === void 0) throw new RenderError("nothing to add", owners);
  const existing = tree.get(first);
  if (rest.length === 0) {
    const added = treeOf(value);
    if (existing instanceof Map && added instanceof Map) {
      for (const [k, v] of added) addToTree(existing, [k], fromTree(v), owners);
      return;
    }
    if (existing !== void 0 && !sameValue(existing, added)) throw new RenderError(`two fixes write different values at ${first}`, owners);
    tree.set(first, added);
    return;
  }
  let child = existing;
  if (child === void 0) {
    child = /* @__PURE__ */ new Map();
    tree.set(first, child);
  }
  if (!(child instanceof Map)) throw new RenderError(`two fixes disagree about ${first}`, owners);
  addToTree(child, rest, value, owners);
}
function fromTree(value) {
  if (!(value instanceof Map)) return value;
  const out = {};
  for (const [key, item] of value) out[key] = fromTree(item);
  return out;
}
function keyName(pair2) {
  return (0, import_yaml9.isScalar)(pair2.key) ? String(pair2.key.value) : "";
}
function renderEdits(context, edits) {
  const { doc, anchors } = context;
  const shared = /* @__PURE__ */ new Map();
  const scalars2 = /* @__PURE__ */ new Map();
  const inserts = /* @__PURE__ */ new Map();
  const fills = /* @__PURE__ */ new Map();
  const appends = /* @__PURE__ */ new Map();
  const pairDeletes = /* @__PURE__ */ new Map();
  const itemDeletes = /* @__PURE__ */ new Map();
  const fail = (message, edit) => {
    throw new RenderError(message, edit.owners);
  };
  const failShared = (message, edit) => {
    throw new RenderError(message, edit.owners, true);
  };
  const markShared = (edit, reason4) => {
    if (reason4 === null) return;
    for (const owner of edit.owners) if (!shared.has(owner)) shared.set(owner, reason4);
  };
  const addInsert = (map, keys, value, edit) => {
    let op = inserts.get(map);
    if (!op) {
      op = { map, tree: /* @__PURE__ */ new Map(), ...fresh() };
      inserts.set(map, op);
    }
    addToTree(op.tree, keys, value, edit.owners);
    own(op, edit);
  };
  const addFill = (pair2, parent, keys, value, edit) => {
    let op = fills.get(pair2);
    if (!op) {
      op = { pair: pair2, parent, tree: /* @__PURE__ */ new Map(), ...fresh() };
      fills.set(pair2, op);
    }
    if (keys.length === 0) {
      if (op.value !== void 0 && !sameValue(op.value, value)) fail("two fixes write different values here", edit);
      if (op.tree.size > 0) fail("two fixes disagree about a value", edit);
      op.value = value;
    } else {
      if (op.value !== void 0) fail("two fixes disagree about a value", edit);
      addToTree(op.tree, keys, value, edit.owners);
    }
    own(op, edit);
  };
  for (const owned of edits) {
    const { edit } = owned;
    const path10 = edit.path;
    const walked = walk(doc, path10);
    const complete = walked.depth === path10.length;
    const target = walked.steps[walked.depth];
    if (!target) fail("the field could not be found", owned);
    const step = target;
    if (edit.op === "delete") {
      if (!complete) fail(`the field to remove does not exist`, owned);
      markShared(owned, sharedReason(walked, walked.depth, anchors));
      if (step.merged) failShared("the field to remove comes from a merge key (<<), which copies a map defined elsewhere", owned);
      if (definesUsedAnchor(step.written, anchors)) failShared("the field to remove defines an anchor that an alias uses", owned);
      const parent = step.parent;
      const parentStep = walked.steps[walked.depth - 1];
      if ((0, import_yaml9.isMap)(parent) && step.pair) {
        let op = pairDeletes.get(parent);
        if (!op) {
          op = { map: parent, parentPair: parentStep?.pair ?? null, pairs: /* @__PURE__ */ new Set(), ...fresh() };
          pairDeletes.set(parent, op);
        }
        op.pairs.add(step.pair);
        own(op, owned);
      } else if ((0, import_yaml9.isSeq)(parent) && typeof path10[path10.length - 1] === "number") {
        let op = itemDeletes.get(parent);
        if (!op) {
          op = { seq: parent, parentPair: parentStep?.pair ?? null, indices: /* @__PURE__ */ new Set(), ...fresh() };
          itemDeletes.set(parent, op);
        }
        op.indices.add(path10[path10.length - 1]);
        own(op, owned);
      } else fail("the field to remove is not a map key or list item", owned);
      continue;
    }
    if (edit.op === "append") {
      if (!complete || !(0, import_yaml9.isSeq)(step.node)) {
        renderSet(walked, path10, [edit.value], owned);
        continue;
      }
      markShared(owned, sharedReason(walked, walked.depth + 1, anchors));
      let op = appends.get(step.node);
      if (!op) {
        op = { seq: step.node, items: [], ...fresh() };
        appends.set(step.node, op);
      }
      if (!op.items.includes(edit.value)) op.items.push(edit.value);
      own(op, owned);
      continue;
    }
    renderSet(walked, path10, edit.value, owned);
  }
  function renderSet(walked, path10, value, owned) {
    const depth = walked.depth;
    const complete = depth === path10.length;
    const step = walked.steps[depth];
    if (!step) fail("the field could not be found", owned);
    const target = step;
    if (complete) {
      const parentStep = walked.steps[depth - 1];
      const parentMap = parentStep?.node;
      const key = path10[path10.length - 1];
      if (target.merged) {
        if (!(0, import_yaml9.isMap)(parentMap) || typeof key !== "string") fail("the field comes from a merge key and cannot be overridden here", owned);
        markShared(owned, sharedReason(walked, depth, anchors));
        addInsert(parentMap, [key], value, owned);
        return;
      }
      markShared(owned, sharedReason(walked, depth, anchors));
      if (isShared2(target.written)) markShared(owned, `the value carries the anchor &${target.written.anchor ?? ""}, which an alias also uses`);
      if (isEmptyValue(target.written) && target.pair && (0, import_yaml9.isMap)(target.parent)) {
        addFill(target.pair, target.parent, [], value, owned);
        return;
      }
      if (((0, import_yaml9.isScalar)(target.written) || (0, import_yaml9.isAlias)(target.written)) && (typeof value === "boolean" || typeof value === "string")) {
        const node2 = target.written;
        const existing = scalars2.get(node2);
        if (existing && existing.value !== value) fail("two fixes write different values here", owned);
        const op = existing ?? { node: node2, value, ...fresh() };
        scalars2.set(node2, op);
        own(op, owned);
        return;
      }
      fail("the field has a value this fix cannot replace", owned);
    }
    const rest = path10.slice(depth);
    if (rest.some((segment) => typeof segment !== "string")) fail("a list item to write into does not exist", owned);
    const keys = rest;
    markShared(owned, sharedReason(walked, depth + 1, anchors));
    const node = target.node;
    if ((0, import_yaml9.isMap)(node)) {
      if (node.flow && node.items.length === 0 && target.pair && (0, import_yaml9.isMap)(target.parent) && !target.parent.flow) {
        addFill(target.pair, target.parent, keys, value, owned);
      } else addInsert(node, keys, value, owned);
      return;
    }
    if (isEmptyValue(target.written) && target.pair && (0, import_yaml9.isMap)(target.parent)) {
      addFill(target.pair, target.parent, keys, value, owned);
      return;
    }
    fail("the place to write is not a map", owned);
  }
  function isShared2(node) {
    const anchor = node?.anchor;
    return typeof anchor === "string" && anchors.has(anchor);
  }
  const splices = [];
  const emit = (op, splice) => splices.push({ ...splice, owners: op.owners, areas: op.areas });
  const guard = (op, render) => {
    try {
      render();
    } catch (error) {
      if (error instanceof Unsupported2) throw new RenderError(`the fix cannot be written in this layout (${error.message})`, op.owners);
      throw error;
    }
  };
  for (const op of scalars2.values()) guard(op, () => emit(op, scalarSplice(context, op)));
  for (const op of fills.values()) guard(op, () => fillSplices(context, op).forEach((s) => emit(op, s)));
  for (const op of inserts.values()) guard(op, () => emit(op, insertSplice(context, op.map, fromTree(op.tree), pairDeletes.get(op.map))));
  for (const op of appends.values()) guard(op, () => emit(op, appendSplice(context, op)));
  for (const op of pairDeletes.values()) guard(op, () => deletePairSplices(context, op, inserts.has(op.map)).forEach((s) => emit(op, s)));
  for (const op of itemDeletes.values()) guard(op, () => deleteItemSplices(context, op, appends.has(op.seq)).forEach((s) => emit(op, s)));
  return { splices, shared };
}
function rangeOf2(node) {
  const range2 = node?.range;
  if (!range2) throw new Unsupported2("a node without a source position");
  return range2;
}
function contentEnd(node) {
  if (node === null || node === void 0) throw new Unsupported2("an empty node has no content");
  if (((0, import_yaml9.isMap)(node) || (0, import_yaml9.isSeq)(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    if ((0, import_yaml9.isPair)(last)) return last.value !== null && last.value !== void 0 ? contentEnd(last.value) : rangeOf2(last.key)[1];
    return contentEnd(last);
  }
  return rangeOf2(node)[1];
}
function lastChar(context, node, floor) {
  return lastContentBefore(context.table.text, contentEnd(node), floor);
}
function pairEnd(pair2) {
  return pair2.value !== null && pair2.value !== void 0 ? contentEnd(pair2.value) : rangeOf2(pair2.key)[1];
}
function colonEnd(context, pair2) {
  const text3 = context.table.text;
  let i = rangeOf2(pair2.key)[1];
  while (i < text3.length && (text3[i] === " " || text3[i] === "	")) i++;
  if (text3[i] !== ":") throw new Unsupported2("a key without a colon on its line");
  return i + 1;
}
function quotesKeys(map) {
  return map.items.length > 0 && map.items.every((pair2) => (0, import_yaml9.isScalar)(pair2.key) && pair2.key.type === import_yaml9.Scalar.QUOTE_DOUBLE);
}
function keyColumn(context, map) {
  const first = map.items[0];
  if (!first) throw new Unsupported2("an empty map has no key column");
  return columnOf(context.table, rangeOf2(first.key)[0]);
}
function linesAt(context, at3, lines) {
  const { text: text3, eol } = context.table;
  const column = /^ */.exec(lines[0] ?? "")?.[0].length ?? 0;
  if (at3 >= text3.length && !text3.endsWith("\n")) return { start: text3.length, end: text3.length, insert: eol + lines.join(eol), column };
  return { start: at3, end: at3, insert: lines.map((line) => line + eol).join(""), column };
}
function lineLeader(context, offset) {
  return context.table.text.slice(lineStart(context.table, lineOf(context.table, offset)), offset);
}
function scalarSplice(context, op) {
  const [start, end] = rangeOf2(op.node);
  if (typeof op.value === "boolean") {
    const original = (0, import_yaml9.isScalar)(op.node) && op.node.type === import_yaml9.Scalar.PLAIN ? String(op.node.value) : void 0;
    return { start, end, insert: formatBoolean(op.value, original) };
  }
  let quote = context.style.quote;
  if ((0, import_yaml9.isScalar)(op.node)) {
    if (op.node.type === import_yaml9.Scalar.QUOTE_DOUBLE) quote = "double";
    else if (op.node.type === import_yaml9.Scalar.QUOTE_SINGLE) quote = "single";
    else if (op.node.type === import_yaml9.Scalar.PLAIN) quote = "plain";
    else throw new Unsupported2("a block scalar is not replaced in place");
  }
  return { start, end, insert: formatString(op.value, quote) };
}
function fillSplices(context, op) {
  const { style } = context;
  const value = op.value ?? fromTree(op.tree);
  const key = keyName(op.pair);
  const from = colonEnd(context, op.pair);
  const written = op.pair.value;
  const [valueStart, valueEnd2] = written ? rangeOf2(written) : [from, from];
  const to = valueEnd2 > valueStart ? Math.max(from, valueEnd2) : from;
  const inline = op.parent.flow || typeof value === "boolean" || typeof value === "string" || prefersFlow(style, key);
  if (inline) return [{ start: from, end: to, insert: ` ${renderFlow(value, style, key, quotesKeys(op.parent))}` }];
  const column = columnOf(context.table, rangeOf2(op.pair.key)[0]);
  const lines = renderBlockValue(value, column, style, key);
  return [
    ...to > from ? [{ start: from, end: to, insert: "" }] : [],
    linesAt(context, afterLineOf(context.table, from), lines)
  ];
}
function insertSplice(context, map, entries2, deletes) {
  const { style } = context;
  if (map.flow) {
    const rendered = Object.entries(entries2).map(([k, v]) => renderFlowPair(k, v, style, quotesKeys(map)));
    const kept = map.items.filter((pair2) => !deletes?.pairs.has(pair2));
    if (kept.length === 0) {
      if (map.items.length > 0) throw new Unsupported2("a flow map emptied and refilled");
      const [start, end] = rangeOf2(map);
      return { start, end, insert: `{${rendered.join(", ")}}` };
    }
    const last = map.items[map.items.length - 1];
    if (deletes?.pairs.has(last)) throw new Unsupported2("a flow map whose last key is removed and another added");
    const lastKey = rangeOf2(last.key)[0];
    if (/^\s*$/.test(lineLeader(context, lastKey)) && lineOf(context.table, lastKey) !== lineOf(context.table, rangeOf2(map)[0])) {
      const pad = " ".repeat(columnOf(context.table, lastKey));
      return { start: pairEnd(last), end: pairEnd(last), insert: rendered.map((r) => `,${context.table.eol}${pad}${r}`).join("") };
    }
    return { start: pairEnd(last), end: pairEnd(last), insert: rendered.map((r) => `, ${r}`).join("") };
  }
  const column = keyColumn(context, map);
  const lines = Object.entries(entries2).flatMap(([k, v]) => renderBlockPair(k, v, column, style));
  const after = [...map.items].reverse().find((pair2) => !endsWithKeptBlockScalar(context, pair2.value));
  if (after) return linesAt(context, afterLineOf(context.table, lastContentBefore(context.table.text, pairEnd(after), rangeOf2(after.key)[0])), lines);
  const firstKey = rangeOf2(map.items[0]?.key)[0];
  if (/^\s*$/.test(lineLeader(context, firstKey))) return linesAt(context, lineStart(context.table, lineOf(context.table, firstKey)), lines);
  return linesAt(context, afterLineOf(context.table, lastChar(context, map, firstKey)), lines);
}
function endsWithKeptBlockScalar(context, node) {
  if (node === null || node === void 0) return false;
  if (((0, import_yaml9.isMap)(node) || (0, import_yaml9.isSeq)(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    return endsWithKeptBlockScalar(context, (0, import_yaml9.isPair)(last) ? last.value ?? last.key : last);
  }
  if (!(0, import_yaml9.isScalar)(node) || node.type !== import_yaml9.Scalar.BLOCK_LITERAL && node.type !== import_yaml9.Scalar.BLOCK_FOLDED) return false;
  return /^[|>](\d?\+|\+\d?)/.test(context.table.text.slice(rangeOf2(node)[0]));
}
function quoteOfItems(seq, fallback) {
  const first = seq.items.find((item) => (0, import_yaml9.isScalar)(item));
  if (!(0, import_yaml9.isScalar)(first)) return fallback;
  if (first.type === import_yaml9.Scalar.QUOTE_DOUBLE) return "double";
  if (first.type === import_yaml9.Scalar.QUOTE_SINGLE) return "single";
  return "plain";
}
function appendSplice(context, op) {
  const seq = op.seq;
  const items = op.items.map((item) => formatString(item, quoteOfItems(seq, context.style.quote)));
  if (seq.flow) {
    if (seq.items.length === 0) {
      const [start, end2] = rangeOf2(seq);
      return { start, end: end2, insert: `[${items.join(", ")}]` };
    }
    const end = contentEnd(seq.items[seq.items.length - 1]);
    return { start: end, end, insert: items.map((item) => `, ${item}`).join("") };
  }
  const [dash] = rangeOf2(seq);
  if (!/^\s*$/.test(lineLeader(context, dash))) throw new Unsupported2("a list that does not start its line");
  const pad = " ".repeat(columnOf(context.table, dash));
  return linesAt(context, afterLineOf(context.table, lastChar(context, seq, dash)), items.map((item) => `${pad}- ${item}`));
}
function wholeLines(context, start, node, fallbackEnd) {
  const { table } = context;
  const last = node ? lastChar(context, node, start) : lastContentBefore(table.text, fallbackEnd, start);
  return { start: lineStart(table, lineOf(table, start)), end: afterLineOf(table, last), insert: "" };
}
function emptied(context, parentPair, empty) {
  if (!parentPair) throw new Unsupported2("a collection emptied outside a map");
  const at3 = colonEnd(context, parentPair);
  return { start: at3, end: at3, insert: ` ${empty}` };
}
function flowRemovals(items, whole, empty) {
  if (items.every((item) => item.removed)) return [{ start: whole[0], end: whole[1], insert: empty }];
  const splices = [];
  for (let i = 0; i < items.length; i++) {
    if (!items[i]?.removed) continue;
    let j = i;
    while (j + 1 < items.length && items[j + 1]?.removed) j++;
    const next = items[j + 1];
    const previous = items[i - 1];
    if (next) splices.push({ start: items[i]?.start ?? 0, end: next.start, insert: "" });
    else if (previous) splices.push({ start: previous.end, end: items[j]?.end ?? 0, insert: "" });
    i = j;
  }
  return splices;
}
function deletePairSplices(context, op, refilled) {
  const map = op.map;
  if (map.flow) {
    const items = map.items.map((pair2) => ({ start: rangeOf2(pair2.key)[0], end: pairEnd(pair2), removed: op.pairs.has(pair2) }));
    if (refilled && items.every((i) => i.removed)) throw new Unsupported2("a flow map emptied and refilled");
    const [start, end] = rangeOf2(map);
    return flowRemovals(items, [start, end], "{}");
  }
  const splices = [];
  const all = map.items.every((pair2) => op.pairs.has(pair2));
  const handled = /* @__PURE__ */ new Set();
  map.items.forEach((pair2, index) => {
    if (!op.pairs.has(pair2) || handled.has(pair2)) return;
    const keyStart = rangeOf2(pair2.key)[0];
    const leader = lineLeader(context, keyStart);
    if (/^\s*$/.test(leader)) {
      splices.push(wholeLines(context, keyStart, pair2.value, pairEnd(pair2)));
      return;
    }
    if (index !== 0 || !/^\s*(-\s+)+$/.test(leader)) throw new Unsupported2("a key that does not start its line");
    const nextKept = map.items.find((p) => !op.pairs.has(p));
    if (nextKept) {
      for (const p of map.items.slice(0, map.items.indexOf(nextKept))) handled.add(p);
      splices.push({ start: keyStart, end: rangeOf2(nextKept.key)[0], insert: "" });
      return;
    }
    if (refilled) throw new Unsupported2("a list item emptied and refilled");
    for (const p of map.items) handled.add(p);
    splices.push({ start: keyStart, end: lineBreakOf(context.table, lastChar(context, map, keyStart)), insert: "{}" });
  });
  if (all && !refilled && map.items.length > 0 && !/^\s*(-\s+)+$/.test(lineLeader(context, rangeOf2(map.items[0]?.key)[0]))) {
    splices.push(emptied(context, op.parentPair, "{}"));
  }
  return splices;
}
function deleteItemSplices(context, op, refilled) {
  const seq = op.seq;
  const nodes = seq.items.map((item) => item);
  if (nodes.some((node) => node === null)) throw new Unsupported2("a list with an empty item");
  if (seq.flow) {
    const items = nodes.map((node, index) => ({ start: rangeOf2(node)[0], end: contentEnd(node), removed: op.indices.has(index) }));
    if (refilled && items.every((i) => i.removed)) throw new Unsupported2("a flow list emptied and refilled");
    return flowRemovals(items, [rangeOf2(seq)[0], rangeOf2(seq)[1]], "[]");
  }
  const text3 = context.table.text;
  const splices = [];
  nodes.forEach((node, index) => {
    if (!op.indices.has(index)) return;
    let dash = rangeOf2(node)[0] - 1;
    while (dash >= 0 && /\s/.test(text3[dash] ?? "")) dash--;
    if (text3[dash] !== "-" || !/^\s*$/.test(lineLeader(context, dash))) throw new Unsupported2("a list item that does not start its line");
    splices.push(wholeLines(context, dash, node, rangeOf2(node)[1]));
  });
  if (op.indices.size === nodes.length && !refilled) splices.push(emptied(context, op.parentPair, "[]"));
  return splices;
}

// src/fixes/types.ts
var longLine = 1e3;

// src/fixes/suggestions.ts
var UnionFind = class {
  parent;
  constructor(size) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i) {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    this.parent[i] = root;
    return root;
  }
  union(a, b) {
    this.parent[this.find(a)] = this.find(b);
  }
};
function touchesLongLine(table, change) {
  for (let line = change.start; line <= change.end; line++) if (lineText(table, line).length > longLine) return true;
  return change.lines.some((line) => line.length > longLine);
}
function withinLongLine(table, splices) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const splice of splices) {
    if (splice.insert.includes("\n")) return null;
    lo = Math.min(lo, splice.start);
    hi = Math.max(hi, splice.end);
  }
  if (splices.length === 0) return null;
  const line = lineOf(table, lo);
  if (lineLength(table, line) <= longLine || hi > lineStart(table, line) + lineLength(table, line)) return null;
  return { line, lo, hi };
}
function changesText(table, splices, lo, hi) {
  const before = table.text.slice(lo, hi);
  return applySplices(before, splices.map((s) => ({ ...s, start: s.start - lo, end: s.end - lo }))) !== before;
}
function span(table, splices) {
  const long = withinLongLine(table, splices);
  if (long) return changesText(table, splices, long.lo, long.hi) ? { lo: long.lo, hi: long.hi } : null;
  const change = changedLinesOf(table, splices);
  if (!change) return null;
  if (touchesLongLine(table, change)) return { lo: Math.min(...splices.map((s) => s.start)), hi: Math.max(...splices.map((s) => s.end)) };
  const lines = change.end >= change.start ? { lo: change.start, hi: change.end } : { lo: Math.max(1, change.start - 1), hi: Math.min(table.starts.length, change.start) };
  return { lo: lineStart(table, lines.lo), hi: lineStart(table, lines.hi + 1) };
}
function groupSplices(table, splices) {
  const sets = new UnionFind(splices.length);
  const firstWith = /* @__PURE__ */ new Map();
  splices.forEach((splice, index) => {
    for (const key of [...[...splice.owners].map((o) => `owner:${o}`), ...[...splice.areas].map((a) => `area:${a}`)]) {
      const first = firstWith.get(key);
      if (first === void 0) firstWith.set(key, index);
      else sets.union(first, index);
    }
  });
  const spanOf = /* @__PURE__ */ new Map();
  const memberSpan = (indices) => {
    const key = indices.join(",");
    if (!spanOf.has(key)) spanOf.set(key, span(table, indices.map((i) => splices[i])));
    return spanOf.get(key) ?? null;
  };
  for (; ; ) {
    const members = /* @__PURE__ */ new Map();
    splices.forEach((_, index) => {
      const root = sets.find(index);
      const list4 = members.get(root) ?? [];
      members.set(root, list4);
      list4.push(index);
    });
    const spans = [...members.entries()].map(([root, indices]) => ({ root, range: memberSpan(indices) })).filter((entry) => entry.range !== null).sort((a, b) => a.range.lo - b.range.lo);
    let merged = false;
    for (let i = 1; i < spans.length; i++) {
      const previous = spans[i - 1];
      const current = spans[i];
      if (previous && current && current.range.lo <= previous.range.hi) {
        sets.union(previous.root, current.root);
        merged = true;
      }
    }
    if (!merged) break;
  }
  const groups = /* @__PURE__ */ new Map();
  splices.forEach((splice, index) => {
    const root = sets.find(index);
    const list4 = groups.get(root) ?? [];
    groups.set(root, list4);
    list4.push(splice);
  });
  return [...groups.values()].map((members) => ({
    splices: members,
    owners: new Set(members.flatMap((s) => [...s.owners]))
  }));
}
function toSuggestion(table, group, diff, bomBytes = 0) {
  const long = withinLongLine(table, group.splices);
  if (long) return changesText(table, group.splices, long.lo, long.hi) ? rangeSuggestion(table, group.splices, { start: long.line, end: long.line }, bomBytes) : null;
  const change = changedLinesOf(table, group.splices);
  if (!change) return null;
  if (touchesLongLine(table, change)) return rangeSuggestion(table, group.splices, change, bomBytes);
  const lineCount = table.starts.length;
  const candidates = [];
  if (change.end >= change.start) {
    candidates.push({ start: change.start, end: change.end, lines: change.lines });
  } else {
    const before = change.start - 1;
    if (before >= 1) candidates.push({ start: before, end: before, lines: [lineText(table, before), ...change.lines] });
    if (change.start <= lineCount) candidates.push({ start: change.start, end: change.start, lines: [...change.lines, lineText(table, change.start)] });
  }
  const attachable = (c) => diff !== null && diff.spansOneHunk(c.start, c.end) && // GitHub's handling of a suggestion on a last line without a newline is unknown: do not risk it.
  !(c.end >= lineCount && !table.finalNewline);
  const chosen = candidates.find(attachable) ?? candidates[0];
  if (!chosen) return null;
  return {
    startLine: chosen.start,
    endLine: chosen.end,
    replacement: chosen.lines.map((line) => `${line}
`).join(""),
    attachable: attachable(chosen)
  };
}
var spliceOf = /* @__PURE__ */ new WeakMap();
function rangeSuggestion(table, splices, change, bomBytes) {
  const start = Math.min(...splices.map((s) => s.start));
  const end = Math.max(...splices.map((s) => s.end));
  const insert = applySplices(table.text.slice(start, end), splices.map((s) => ({ ...s, start: s.start - start, end: s.end - start })));
  const byteStart = bomBytes + byteOffset(table, start);
  const suggestion = {
    startLine: change.start,
    endLine: Math.max(change.start, change.end),
    replacement: null,
    attachable: false,
    edit: { start: byteStart, end: bomBytes + byteOffset(table, end), insert }
  };
  spliceOf.set(suggestion, { start, end, insert });
  return suggestion;
}
function applySuggestions(text3, suggestions) {
  if (suggestions.length === 0) return text3;
  const bom = text3.startsWith("\uFEFF") ? "\uFEFF" : "";
  return bom + applySuggestionsTo(lineTable(bom === "" ? text3 : text3.slice(1)), suggestions, bom === "" ? 0 : 3);
}
function applySuggestionsTo(table, suggestions, bomBytes = 0) {
  const ordered = suggestions.filter((s) => s.edit === void 0).sort((a, b) => a.startLine - b.startLine);
  let next = 1;
  for (const suggestion of ordered) {
    if (suggestion.startLine < next) throw new Error(`suggestion for lines ${suggestion.startLine}-${suggestion.endLine} overlaps another or is outside the file`);
    next = suggestion.endLine + 1;
  }
  return applySplices(table.text, suggestions.map((suggestion) => suggestionSplice(table, suggestion, bomBytes)));
}
function suggestionSplice(table, suggestion, bomBytes = 0) {
  const made = spliceOf.get(suggestion);
  if (made) return made;
  if (suggestion.edit) return editSplice(table.text, suggestion.edit, bomBytes);
  const lineCount = table.text === "" ? 0 : table.starts.length;
  if (suggestion.endLine < suggestion.startLine || suggestion.startLine < 1 || suggestion.endLine > lineCount) {
    throw new Error(`suggestion for lines ${suggestion.startLine}-${suggestion.endLine} overlaps another or is outside the file`);
  }
  const replacement = suggestion.replacement === "" || suggestion.replacement === null ? [] : suggestion.replacement.replace(/\n$/, "").split("\n");
  const keepsFinalBreak = suggestion.endLine < lineCount || table.finalNewline;
  const insert = replacement.map((line, i) => i < replacement.length - 1 || keepsFinalBreak ? line + table.eol : line).join("");
  return { start: lineStart(table, suggestion.startLine), end: lineStart(table, suggestion.endLine + 1), insert };
}
function editSplice(text3, edit, bomBytes) {
  const charAt = (byte) => {
    let bytes = bomBytes;
    let i = 0;
    while (i < text3.length && bytes < byte) {
      const code = text3.codePointAt(i) ?? 0;
      bytes += code < 128 ? 1 : code < 2048 ? 2 : code < 65536 ? 3 : 4;
      i += code >= 65536 ? 2 : 1;
    }
    if (bytes !== byte) throw new Error(`the edit's byte offset ${byte} is not at a character of the file`);
    return i;
  };
  return { start: charAt(edit.start), end: charAt(edit.end), insert: edit.insert };
}

// src/fixes/listLayout.ts
var import_yaml10 = __toESM(require_dist(), 1);
function contentEnd2(node) {
  if ((0, import_yaml10.isCollection)(node) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    const tail = (0, import_yaml10.isMap)(node) ? last.value ?? last.key : last;
    if (tail) return contentEnd2(tail);
  }
  return node.range?.[1] ?? 0;
}
function lineAfter(text3, offset, to) {
  if (offset > 0 && text3.charCodeAt(offset - 1) === 10) return offset;
  const next = text3.indexOf("\n", offset);
  return next === -1 || next >= to ? to : next + 1;
}
function lineStartOf(text3, offset) {
  return text3.lastIndexOf("\n", offset - 1) + 1;
}
function listLayout(doc, text3, from, to, itemCount) {
  const root = doc.contents;
  if (!(0, import_yaml10.isMap)(root) || root.anchor !== void 0 || root.tag !== void 0) return null;
  const pairs = root.items.filter((pair3) => (0, import_yaml10.isScalar)(pair3.key) && (pair3.key.value === "items" || pair3.key.value === "<<"));
  const [pair2] = pairs;
  if (pairs.length !== 1 || !pair2 || !(0, import_yaml10.isScalar)(pair2.key) || pair2.key.value !== "items") return null;
  const seq = pair2.value;
  if (!(0, import_yaml10.isSeq)(seq) || seq.anchor !== void 0 || seq.tag !== void 0 || seq.items.length !== itemCount || itemCount === 0) return null;
  const items = seq.items;
  if (items.some((item) => item === null || !item.range)) return null;
  const nodes = items;
  const slotStart = [];
  const slotEnd = [];
  let dashColumn = null;
  if (seq.flow) {
    for (const node of nodes) {
      if (node.anchor !== void 0 || node.tag !== void 0) return null;
      slotStart.push(node.range[0]);
      slotEnd.push(node.range[1]);
    }
  } else {
    const first = seq.range?.[0] ?? 0;
    const start = lineStartOf(text3, first);
    if (start < from || text3.slice(start, first).trim() !== "") return null;
    dashColumn = first - start;
    let at3 = start;
    for (const node of nodes) {
      const end = lineAfter(text3, contentEnd2(node), to);
      if (node.range[0] < at3 || end <= at3) return null;
      slotStart.push(at3);
      slotEnd.push(end);
      at3 = end;
    }
  }
  const slotOf = (offset) => {
    let low = 0;
    let high = slotStart.length - 1;
    while (low < high) {
      const middle = low + high + 1 >> 1;
      if ((slotStart[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return offset >= (slotStart[low] ?? 0) && offset < (slotEnd[low] ?? 0) ? low : -1;
  };
  const dependencies = nodes.map(() => /* @__PURE__ */ new Set());
  const users = nodes.map(() => /* @__PURE__ */ new Set());
  let crossing = false;
  (0, import_yaml10.visit)(doc, {
    Alias(_, alias) {
      const target = aliasTarget(doc, alias);
      const user = slotOf(alias.range?.[0] ?? -1);
      const source = target?.range ? slotOf(target.range[0]) : -1;
      if (user === -1 || source === -1) {
        if (user !== source) crossing = true;
        return;
      }
      if (user !== source) {
        dependencies[user]?.add(source);
        users[source]?.add(user);
      }
    }
  });
  if (crossing) return null;
  return { flow: seq.flow === true, from, to, slotStart, slotEnd, dependencies: dependencies.map((s) => [...s]), users: users.map((s) => [...s]), dashColumn };
}
function endsItemBefore(layout, text3, splice) {
  const column = layout.dashColumn;
  if (column === null || splice.start > 0 && text3.charCodeAt(splice.start - 1) !== 10) return false;
  if (splice.insert === "") return true;
  if (!splice.insert.endsWith("\n")) return false;
  return splice.insert.slice(0, -1).split("\n").every((line) => {
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    return indent > column && indent < line.replace(/\r$/, "").length;
  });
}
function itemsOfSplice(layout, text3, splice) {
  const count2 = layout.slotStart.length;
  let low = 0;
  let high = count2;
  while (low < high) {
    const middle = low + high >> 1;
    if ((layout.slotEnd[middle] ?? 0) < splice.start) low = middle + 1;
    else high = middle;
  }
  const items = [];
  for (let i = low; i < count2 && (layout.slotStart[i] ?? 0) <= splice.end; i++) items.push(i);
  const [first] = items;
  if (items.length === 2 && first !== void 0 && splice.end === layout.slotEnd[first] && endsItemBefore(layout, text3, splice)) return [first];
  return items;
}
function itemsToRead(layout, changed) {
  const changing = /* @__PURE__ */ new Set();
  const grow = (set2, from, next) => {
    const queue = [...from];
    while (queue.length > 0) {
      const i = queue.pop();
      if (set2.has(i)) continue;
      set2.add(i);
      queue.push(...next(i));
    }
  };
  grow(changing, changed, (i) => layout.users[i] ?? []);
  const read = /* @__PURE__ */ new Set();
  grow(read, changing, (i) => layout.dependencies[i] ?? []);
  return [...read].sort((a, b) => a - b);
}
function listText(text3, layout, kept, splices) {
  const last = layout.slotStart.length - 1;
  const pieces = [{ from: layout.from, to: layout.slotStart[0] ?? layout.from }];
  let runStart = -1;
  kept.forEach((i, k) => {
    if (runStart === -1) runStart = i;
    const next = kept[k + 1];
    if (next !== i + 1) {
      pieces.push({ from: layout.slotStart[runStart] ?? 0, to: layout.slotEnd[i] ?? 0 });
      runStart = -1;
    }
  });
  pieces.push({ from: layout.slotEnd[last] ?? layout.to, to: layout.to });
  const inPiece = splices.map(() => false);
  const parts = pieces.map((piece) => {
    const mine = [];
    splices.forEach((splice, s) => {
      if (inPiece[s] || splice.start < piece.from || splice.end > piece.to) return;
      inPiece[s] = true;
      mine.push({ ...splice, start: splice.start - piece.from, end: splice.end - piece.from });
    });
    return applySplices(text3.slice(piece.from, piece.to), mine);
  });
  if (inPiece.includes(false)) return null;
  const [prefix2, ...rest] = parts;
  const suffix = rest.pop() ?? "";
  return (prefix2 ?? "") + rest.join(layout.flow ? "," : "") + suffix;
}

// src/fixes/verify.ts
function podKey(documentIndex, objectPath) {
  return `${documentIndex}|${JSON.stringify(objectPath)}`;
}
function apiRuleViolations(pod) {
  const found = /* @__PURE__ */ new Set();
  const profileRules = (where2, securityContext) => {
    for (const key of ["seccompProfile", "appArmorProfile"]) {
      const profile = obj(securityContext, key);
      if (!profile) continue;
      const localhost = str(profile, "localhostProfile") !== "";
      if (localhost !== (str(profile, "type") === "Localhost")) found.add(`${where2}: ${key}.localhostProfile must be set exactly when type is Localhost`);
    }
  };
  const podSecurityContext = obj(pod.spec, "securityContext");
  profileRules("pod", podSecurityContext);
  let hostProcess2 = optBool(obj(podSecurityContext, "windowsOptions"), "hostProcess") === true;
  for (const { name, container } of visitContainers(pod)) {
    const securityContext = obj(container, "securityContext");
    profileRules(`container ${name}`, securityContext);
    if (optBool(obj(securityContext, "windowsOptions"), "hostProcess") === true) hostProcess2 = true;
    if (optBool(securityContext, "allowPrivilegeEscalation") !== false) continue;
    if (optBool(securityContext, "privileged") === true) found.add(`container ${name}: allowPrivilegeEscalation false with privileged true`);
    const adds = list(obj(securityContext, "capabilities"), "add");
    if (adds.includes("SYS_ADMIN") || adds.includes("CAP_SYS_ADMIN")) found.add(`container ${name}: allowPrivilegeEscalation false with SYS_ADMIN`);
  }
  if (hostProcess2 && pod.spec.hostNetwork !== true) found.add("pod: hostProcess requires hostNetwork");
  if (str(obj(pod.spec, "os"), "name") === "windows") {
    const linuxOnly = (where2, securityContext, fields2) => {
      for (const field of fields2) {
        if (securityContext?.[field] !== void 0 && securityContext[field] !== null) found.add(`${where2}: a Windows pod cannot set securityContext.${field}`);
      }
    };
    linuxOnly("pod", podSecurityContext, ["seLinuxOptions", "seccompProfile", "appArmorProfile", "runAsUser", "runAsGroup", "sysctls"]);
    for (const { name, container } of visitContainers(pod)) {
      linuxOnly(`container ${name}`, obj(container, "securityContext"), [
        "seLinuxOptions",
        "seccompProfile",
        "appArmorProfile",
        "capabilities",
        "privileged",
        "allowPrivilegeEscalation",
        "procMount",
        "readOnlyRootFilesystem",
        "runAsUser",
        "runAsGroup"
      ]);
    }
  }
  return found;
}
function podStates(documents, policyOf, globalIndex, objectPathOf = (path10) => path10) {
  const pods = /* @__PURE__ */ new Map();
  const invalid = [];
  for (const document of documents) {
    const extraction = extractPodSpecs(document);
    invalid.push(...extraction.problems.map((p) => p.kind));
    for (const source of extraction.pods) {
      const key = podKey(globalIndex(document.index), objectPathOf(source.objectPath));
      const { level: level3, version: version4 } = policyOf(key);
      const failing = new Set(evaluatePod(source.pod, level3, version4).failures.map((f) => f.check));
      for (const advice of adviceFailures(source.pod)) failing.add(advice.check);
      pods.set(key, { failing, apiRules: apiRuleViolations(source.pod) });
    }
  }
  return { pods, invalid };
}
var noLimit = { maxBytes: Number.MAX_SAFE_INTEGER };
function partOf(file, text3, policyOf, globalIndex) {
  const loaded = loadManifestFile(file, text3, noLimit);
  const { pods, invalid } = podStates(loaded.documents, policyOf, globalIndex);
  const part = {
    globalIndex,
    documents: new Map(loaded.documents.map((d) => [globalIndex(d.index), d.value])),
    problemKinds: [...loaded.problems.map((p) => p.kind), ...invalid].sort(),
    pods
  };
  return { part, loaded };
}
function verifyPart(file, policyOf, baseline, text3, expectation) {
  const { part: fixed2, loaded } = partOf(file, text3, policyOf, baseline.globalIndex);
  if (JSON.stringify(fixed2.problemKinds) !== JSON.stringify(baseline.problemKinds)) return "the fixed YAML no longer loads as it did";
  if (loaded.documents.length !== baseline.documents.size) return "the fixed YAML has a different number of documents";
  for (const [index, value] of fixed2.documents) {
    const original = baseline.documents.get(index);
    if (original === void 0) return "the fixed YAML has a different number of documents";
    let expected2 = original;
    const edits = expectation.edits.get(index);
    if (edits && edits.length > 0) {
      try {
        expected2 = applyEditsToJson(original, edits);
      } catch (error) {
        if (error instanceof EditError) return `the edits do not apply to the document (${error.message})`;
        throw error;
      }
    }
    if (!jsonEqual(value, expected2)) return "the fixed YAML would change more than the fixed fields";
  }
  return podsReason(baseline.pods, fixed2.pods, expectation);
}
function podsReason(before, after, expectation) {
  for (const [key, was] of before) {
    const now = after.get(key);
    if (!now) return "a pod spec is no longer found after the fix";
    for (const check of expectation.fixed.get(key) ?? []) {
      if (now.failing.has(check)) return `the check ${check} still fails after the fix`;
    }
    for (const check of now.failing) {
      if (!was.failing.has(check)) return `the check ${check} would start failing`;
    }
    for (const rule of now.apiRules) {
      if (!was.apiRules.has(rule)) return `the API server would reject the fixed pod (${rule.replace(/^[^:]*: /, "")})`;
    }
  }
  if (after.size !== before.size) return "the fixed YAML has a different number of pod specs";
  return null;
}
var fixedByDocument = /* @__PURE__ */ new WeakMap();
function fixedOf(expectation, documentIndex) {
  let byDocument = fixedByDocument.get(expectation);
  if (!byDocument) {
    byDocument = /* @__PURE__ */ new Map();
    for (const [key, checks2] of expectation.fixed) {
      const index = Number(key.slice(0, key.indexOf("|")));
      const entries2 = byDocument.get(index) ?? [];
      byDocument.set(index, entries2);
      entries2.push([key, [...checks2].sort()]);
    }
    fixedByDocument.set(expectation, byDocument);
  }
  return byDocument.get(documentIndex) ?? [];
}
function expectationKey(expectation, documentIndex) {
  if (documentIndex === null) return "";
  const fixed2 = [...fixedOf(expectation, documentIndex)].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return JSON.stringify([expectation.edits.get(documentIndex) ?? [], fixed2]);
}
function changeKey(before, after) {
  const shortest = Math.min(before.length, after.length);
  let prefix2 = 0;
  while (prefix2 < shortest && before.charCodeAt(prefix2) === after.charCodeAt(prefix2)) prefix2++;
  let suffix = 0;
  while (suffix < shortest - prefix2 && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return `${prefix2}:${before.length - suffix}:${after.slice(prefix2, after.length - suffix)}`;
}
var lineBreak = /[\n\r\u2028\u2029]/;
var markerAfterBreak = /(?:^|[\n\r\u2028\u2029])(?:---|\.\.\.|%)/;
var markerAhead = /^(?:---|\.\.\.|%)/;
function mayMoveCut(text3, splice) {
  if (markerAfterBreak.test(splice.insert) || markerAfterBreak.test(text3.slice(splice.start, splice.end))) return true;
  const before = text3.charAt(splice.end - 1);
  if ((splice.end === 0 || lineBreak.test(before)) && markerAhead.test(text3.slice(splice.end, splice.end + 3))) {
    const endsLine = splice.insert === "" ? splice.start === 0 || lineBreak.test(text3.charAt(splice.start - 1)) : lineBreak.test(splice.insert.charAt(splice.insert.length - 1));
    return !endsLine;
  }
  return false;
}
var verificationCounts = { items: 0, segments: 0, files: 0 };
function itemOf(path10) {
  return path10[0] === "items" && typeof path10[1] === "number" ? path10[1] : null;
}
function listUnitOf(text3, document, part, from, to) {
  const value = document.value;
  if (!isObject(value) || !Array.isArray(value.items) || part.problemKinds.length > 0) return null;
  const podsOfItem = /* @__PURE__ */ new Map();
  for (const [key, state] of part.pods) {
    const item = itemOf(JSON.parse(key.slice(key.indexOf("|") + 1)));
    if (item === null) return null;
    podsOfItem.set(item, [...podsOfItem.get(item) ?? [], [key, state]]);
  }
  const layout = listLayout(document.source.layout, text3, from, to, value.items.length);
  return layout === null ? null : { document, layout, podsOfItem };
}
function verifyListItems(list4, splices, expectation) {
  const { text: text3, unit } = list4;
  const { document, layout } = unit;
  const edits = expectation.edits.get(document.index) ?? [];
  const spliceItems = splices.map((splice) => itemsOfSplice(layout, text3, splice));
  const editItems = edits.map((edit) => itemOf(edit.path));
  const fixedItems = [];
  for (const [key] of fixedOf(expectation, document.index)) {
    const item = itemOf(JSON.parse(key.slice(key.indexOf("|") + 1)));
    if (item === null) return void 0;
    fixedItems.push([key, item]);
  }
  const changed = /* @__PURE__ */ new Set([...spliceItems.flat(), ...fixedItems.map(([, item]) => item)]);
  for (const item of editItems) if (item !== null) changed.add(item);
  const kept = itemsToRead(layout, changed);
  const apart = spliceItems.some((items) => items.length === 0) || editItems.includes(null) ? [kept] : clustersOf(layout, kept, spliceItems);
  if (apart.length > 1) {
    const clusterOf = new Map(apart.flatMap((cluster, c) => cluster.map((item) => [item, c])));
    const shares = apart.map(() => ({ splices: [], edits: [], fixed: /* @__PURE__ */ new Map() }));
    splices.forEach((splice, s) => shares[clusterOf.get(spliceItems[s]?.[0] ?? -1) ?? -1]?.splices.push(splice));
    edits.forEach((edit, e) => shares[clusterOf.get(editItems[e] ?? -1) ?? -1]?.edits.push(edit));
    for (const [key, item] of fixedItems) shares[clusterOf.get(item) ?? -1]?.fixed.set(key, expectation.fixed.get(key) ?? /* @__PURE__ */ new Set());
    let failed = false;
    for (const [c, cluster] of apart.entries()) {
      const share = shares[c];
      const own2 = { edits: /* @__PURE__ */ new Map([[document.index, share.edits]]), fixed: share.fixed };
      const reason4 = verifyKept(list4, cluster, share.splices, own2);
      if (reason4 === void 0) return void 0;
      if (reason4 !== null) {
        failed = true;
        break;
      }
    }
    if (!failed) return null;
  }
  return verifyKept(list4, kept, splices, expectation);
}
function clustersOf(layout, kept, spliceItems) {
  const parent = new Map(kept.map((item) => [item, item]));
  const find = (item) => {
    let root = item;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(item, root);
    return root;
  };
  const union = (a, b) => {
    if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
  };
  for (const items of spliceItems) for (const item of items.slice(1)) union(items[0] ?? item, item);
  for (const item of kept) for (const other of [...layout.users[item] ?? [], ...layout.dependencies[item] ?? []]) union(item, other);
  const clusters = /* @__PURE__ */ new Map();
  for (const item of kept) {
    const root = find(item);
    clusters.set(root, [...clusters.get(root) ?? [], item]);
  }
  return [...clusters.values()];
}
function verifyKept(list4, kept, splices, expectation) {
  const { file, text: text3, unit, policyOf, verdicts, work } = list4;
  const { document, layout } = unit;
  const small = listText(text3, layout, kept, splices);
  if (small === null) return void 0;
  const key = `list ${document.index}\0${expectationKey(expectation, document.index)}\0${kept.join(",")}\0${changeKey(listText(text3, layout, kept, []) ?? "", small)}`;
  const known2 = verdicts.get(key);
  if (known2 !== void 0) return known2;
  work(small.length);
  const reason4 = verifySmallList(file, small, unit, kept, expectation.edits.get(document.index) ?? [], expectation, policyOf);
  verdicts.set(key, reason4);
  return reason4;
}
function verifySmallList(file, small, unit, kept, edits, expectation, policyOf) {
  const { document } = unit;
  verificationCounts.items++;
  const loaded = loadManifestFile(file, small, noLimit);
  const [fixedDocument] = loaded.documents;
  if (loaded.problems.length > 0 || loaded.documents.length !== 1 || !fixedDocument) return "the fixed YAML no longer loads as it did";
  const value = fixedDocument.value;
  if (!isObject(value) || !Array.isArray(value.items) || value.items.length !== kept.length) return "the fixed YAML would change more than the fixed fields";
  let expected2 = document.value;
  if (edits.length > 0) {
    try {
      expected2 = applyEditsToJson(document.value, edits);
    } catch (error) {
      if (error instanceof EditError) return `the edits do not apply to the document (${error.message})`;
      throw error;
    }
  }
  if (!isObject(expected2) || !Array.isArray(expected2.items)) return "the fixed YAML would change more than the fixed fields";
  for (const field of /* @__PURE__ */ new Set([...Object.keys(value), ...Object.keys(expected2)])) {
    if (field !== "items" && !jsonEqual(value[field], expected2[field])) return "the fixed YAML would change more than the fixed fields";
  }
  const expectedItems = expected2.items;
  const items = value.items;
  if (kept.some((item, j) => !jsonEqual(items[j], expectedItems[item]))) return "the fixed YAML would change more than the fixed fields";
  const { pods, invalid } = podStates([fixedDocument], policyOf, () => document.index, (path10) => {
    const item = itemOf(path10);
    return item === null ? path10 : ["items", kept[item] ?? -1, ...path10.slice(2)];
  });
  if (invalid.length > 0) return "the fixed YAML no longer loads as it did";
  const before = new Map(kept.flatMap((item) => unit.podsOfItem.get(item) ?? []));
  return podsReason(before, pods, expectation);
}
function verifierOf(file, text3, policyOf, known2, options = {}) {
  const work = options.onWork ?? (() => void 0);
  let whole = null;
  const verifyWhole = (splices, expectation) => {
    whole ??= partOf(file, text3, policyOf, (local) => local).part;
    verificationCounts.files++;
    work(text3.length);
    return verifyPart(file, policyOf, whole, applySplices(text3, splices), expectation);
  };
  const starts = segmentStarts(text3);
  if (starts === null) return verifyWhole;
  const segmentOf = /* @__PURE__ */ new Map();
  const knownIn = /* @__PURE__ */ new Map();
  for (const document of known2) {
    const k = segmentAt(starts, document.source.start);
    segmentOf.set(document.index, k);
    knownIn.set(k, [...knownIn.get(k) ?? [], document]);
  }
  const parts = /* @__PURE__ */ new Map();
  const segmentPart = (k) => {
    if (parts.has(k)) return parts.get(k) ?? null;
    const documents = knownIn.get(k) ?? [];
    const [document] = documents;
    let part;
    if (document === void 0) {
      part = partOf(file, segmentText(text3, starts, k), policyOf, (local) => -1 - local).part;
    } else if (documents.length === 1 && document.source.end <= (starts[k + 1] ?? text3.length)) {
      const { pods, invalid } = podStates([document], policyOf, (index) => index);
      part = {
        globalIndex: (local) => local === 0 ? document.index : -1 - local,
        documents: /* @__PURE__ */ new Map([[document.index, document.value]]),
        problemKinds: invalid.sort(),
        pods
      };
    } else {
      part = null;
    }
    parts.set(k, part);
    return part;
  };
  const lists = /* @__PURE__ */ new Map();
  const listUnit = (k, part) => {
    if (options.byItem === false) return null;
    if (!lists.has(k)) {
      const [document] = knownIn.get(k) ?? [];
      lists.set(k, document ? listUnitOf(text3, document, part, starts[k] ?? 0, starts[k + 1] ?? text3.length) : null);
    }
    return lists.get(k) ?? null;
  };
  const verdicts = /* @__PURE__ */ new Map();
  return (splices, expectation) => {
    if (splices.some((splice) => mayMoveCut(text3, splice))) return verifyWhole(splices, expectation);
    const bySegment = /* @__PURE__ */ new Map();
    for (const splice of splices) {
      const k = splice.start > 0 ? segmentAt(starts, splice.start - 1) : 0;
      if (splice.end > (starts[k + 1] ?? text3.length)) return verifyWhole(splices, expectation);
      bySegment.set(k, [...bySegment.get(k) ?? [], splice]);
    }
    const documentIndexes = [...expectation.edits.keys(), ...[...expectation.fixed.keys()].map((key) => Number(key.slice(0, key.indexOf("|"))))];
    for (const index of documentIndexes) {
      const k = segmentOf.get(index);
      if (k === void 0) return verifyWhole(splices, expectation);
      if (!bySegment.has(k)) bySegment.set(k, []);
    }
    const checks2 = [];
    for (const [k, mine] of bySegment) {
      const part = segmentPart(k);
      if (part === null) return verifyWhole(splices, expectation);
      checks2.push({ k, part, splices: mine });
    }
    for (const { k, part, splices: mine } of checks2.sort((a, b) => a.k - b.k)) {
      const unit = listUnit(k, part);
      const listed = unit === null ? void 0 : verifyListItems({ file, text: text3, unit, policyOf, verdicts, work }, mine, expectation);
      if (listed !== void 0) {
        if (listed !== null) return listed;
        continue;
      }
      const [document] = knownIn.get(k) ?? [];
      const from = starts[k] ?? 0;
      const segment = segmentText(text3, starts, k);
      const fixedSegment = applySplices(segment, mine.map((splice) => ({ ...splice, start: splice.start - from, end: splice.end - from })));
      const key = `${k}\0${expectationKey(expectation, document?.index ?? null)}\0${changeKey(segment, fixedSegment)}`;
      let reason4 = verdicts.get(key);
      if (reason4 === void 0) {
        verificationCounts.segments++;
        work(fixedSegment.length);
        reason4 = verifyPart(file, policyOf, part, fixedSegment, expectation);
        verdicts.set(key, reason4);
      }
      if (reason4 !== null) return reason4;
    }
    return null;
  };
}

// src/fixes/fixFile.ts
function fixWorkBudget(text3) {
  return 1e6 + 50 * text3.length;
}
function areaOf(path10) {
  const [root, second, third] = path10;
  if (root === "spec" && typeof second === "string" && containerListKeys.includes(second) && typeof third === "number") {
    return `${second}[${third}]`;
  }
  if (root === "metadata") return "metadata";
  if (root === "spec" && (second === "securityContext" || second === "volumes")) return second;
  return "spec";
}
function writtenPod(document, templatePath) {
  const template = valueAt2(document, templatePath) ?? null;
  const holder = isObject(template) ? template : void 0;
  return { metadata: obj(holder, "metadata") ?? {}, spec: obj(holder, "spec") ?? {} };
}
function computeFixes(request) {
  const text3 = request.text.startsWith("\uFEFF") ? request.text.slice(1) : request.text;
  const bomBytes = text3 === request.text ? 0 : 3;
  const table = lineTable(text3);
  const none = { suggestions: [], pods: request.pods.map((pod) => pod.failures.map((f) => ({ check: f.check, fix: null, fixNote: null }))) };
  if (request.pods.every((pod) => pod.failures.length === 0)) return none;
  const policies = /* @__PURE__ */ new Map();
  for (const pod of request.pods) if (pod.policy) policies.set(podKey(pod.source.document.index, pod.source.objectPath), pod.policy);
  const fallback = { level: request.level, version: request.version };
  const documents = /* @__PURE__ */ new Map();
  for (const { source } of request.pods) documents.set(source.document.index, source.document);
  const budget = request.workBudget ?? fixWorkBudget(text3);
  let spent = 0;
  const verifyText = verifierOf(request.file, text3, (key) => policies.get(key) ?? fallback, [...documents.values()], {
    byItem: request.wholeDocuments !== true,
    onWork: (characters) => spent += characters
  });
  const overBudget = (selected) => {
    if (spent <= budget) return false;
    for (const owner of selected) owner.note = notComputed(budget);
    return true;
  };
  const owners = [];
  const byPod = request.pods.map(() => []);
  request.pods.forEach(({ source, failures, policy }, podIndex) => {
    const written = writtenPod(source.document.value, source.templatePath);
    const { level: level3, version: version4 } = policy ?? fallback;
    failures.forEach((failure, failureIndex) => {
      const plan = fixers[failure.check]({ failure, pod: source.pod, written, kind: source.kind, level: level3, version: version4 });
      const podPaths = plan.kind === "edits" ? plan.edits.map((e) => e.path) : [];
      const owner = {
        id: `${podIndex}/${failureIndex}`,
        podIndex,
        check: failure.check,
        documentIndex: source.document.index,
        podKey: podKey(source.document.index, source.objectPath),
        plan,
        edits: plan.kind === "edits" ? plan.edits.map((e) => prefixEdit(source.templatePath, e)) : [],
        podPaths,
        accepted: false,
        note: plan.kind === "manual" ? plan.note : null
      };
      if (plan.kind === "edits" && plan.edits.length === 0) owner.note = noSafeFix(failure.check, "nothing to change in the manifest as written fixes it");
      owners.push(owner);
      byPod[podIndex]?.push(owner);
    });
  });
  const contexts = /* @__PURE__ */ new Map();
  const contextOf = (document) => {
    let context = contexts.get(document.index);
    if (!context) {
      const doc = document.source.layout;
      const anchors = document.source.place === void 0 ? usedAnchors(doc) : /* @__PURE__ */ new Set();
      context = { doc, table, style: detectStyle(doc, table), anchors };
      contexts.set(document.index, context);
    }
    return context;
  };
  const collapsed = /* @__PURE__ */ new Set();
  const render = (selected) => {
    const perDocument = /* @__PURE__ */ new Map();
    for (const owner of selected) {
      const edits = perDocument.get(owner.documentIndex) ?? /* @__PURE__ */ new Map();
      perDocument.set(owner.documentIndex, edits);
      owner.edits.forEach((edit, i) => {
        const key = editKey(edit);
        const entry = edits.get(key) ?? { edit, owners: /* @__PURE__ */ new Set(), areas: /* @__PURE__ */ new Set() };
        entry.owners.add(owner.id);
        entry.areas.add(`${owner.podIndex}|${collapsed.has(owner.podIndex) ? "all" : areaOf(owner.podPaths[i] ?? [])}`);
        edits.set(key, entry);
      });
    }
    const splices = [];
    const shared = /* @__PURE__ */ new Map();
    for (const [documentIndex, edits] of perDocument) {
      const document = documents.get(documentIndex);
      if (!document) continue;
      const rendered = renderEdits(contextOf(document), [...edits.values()]);
      splices.push(...rendered.splices);
      for (const [owner, reason4] of rendered.shared) shared.set(owner, reason4);
    }
    return { splices, shared };
  };
  const expectationOf = (selected) => {
    const edits = /* @__PURE__ */ new Map();
    const fixed2 = /* @__PURE__ */ new Map();
    for (const owner of selected) {
      const documentEdits = edits.get(owner.documentIndex) ?? [];
      edits.set(owner.documentIndex, documentEdits);
      documentEdits.push(...owner.edits);
      const checks2 = fixed2.get(owner.podKey) ?? /* @__PURE__ */ new Set();
      fixed2.set(owner.podKey, checks2);
      checks2.add(owner.check);
    }
    return { edits, fixed: fixed2 };
  };
  const attempt = (selected) => {
    let rendered;
    try {
      rendered = render(selected);
      inOrder(rendered.splices);
    } catch (error) {
      if (error instanceof RenderError) return { reason: error.message, shared: error.shared ? error.message : null };
      if (error instanceof SpliceConflict) return { reason: error.message, shared: null };
      throw error;
    }
    const reason4 = verifyText(rendered.splices, expectationOf(selected));
    if (reason4 === null) return null;
    const shared = selected.map((o) => rendered.shared.get(o.id)).find((r) => r !== void 0) ?? null;
    return { reason: reason4, shared };
  };
  const acrossPodSpecs = (candidates) => {
    const byEdit = /* @__PURE__ */ new Map();
    for (const owner of candidates) {
      const document = documents.get(owner.documentIndex);
      if (!document || contextOf(document).anchors.size === 0) continue;
      let rendered;
      try {
        rendered = render([owner]);
      } catch (error) {
        if (error instanceof RenderError) continue;
        throw error;
      }
      if (!rendered.shared.has(owner.id)) continue;
      const key = `${owner.check}\0${JSON.stringify(inOrder(rendered.splices).map((s) => [s.start, s.end, s.insert]))}`;
      byEdit.set(key, [...byEdit.get(key) ?? [], owner]);
    }
    return [...byEdit.values()].filter((group) => new Set(group.map((o) => o.podIndex)).size > 1);
  };
  const anchored = /* @__PURE__ */ new Map();
  const refuse2 = (owner, failure) => {
    owner.accepted = false;
    owner.note = failure.shared !== null ? sharedNode(owner.check, failure.shared) : noSafeFix(owner.check, failure.reason);
  };
  const anchorGroups = acrossPodSpecs(owners.filter((o) => o.plan.kind === "edits" && o.edits.length > 0));
  const grouped = new Set(anchorGroups.flat());
  const byUsers = /* @__PURE__ */ new Map();
  for (const group of anchorGroups) {
    const users = [...new Set(group.map((o) => o.podIndex))].sort((a, b) => a - b).join(",");
    byUsers.set(users, [...byUsers.get(users) ?? [], group]);
  }
  const accept = (group) => {
    for (const owner of group) {
      owner.accepted = true;
      anchored.set(owner.id, new Set(group.map((o) => o.podIndex)).size);
    }
  };
  for (const groups of byUsers.values()) {
    if (overBudget(groups.flat())) continue;
    if (attempt(groups.flat()) === null) {
      groups.forEach(accept);
      continue;
    }
    const accepted = [];
    for (const group of groups) {
      const failure = attempt([...accepted, ...group]);
      if (failure === null) {
        accept(group);
        accepted.push(...group);
      } else for (const owner of group) refuse2(owner, failure);
    }
  }
  for (const podOwners of byPod) {
    const candidates = podOwners.filter((o) => o.plan.kind === "edits" && o.edits.length > 0 && !grouped.has(o));
    if (candidates.length === 0 || overBudget(candidates)) continue;
    if (attempt(candidates) === null) {
      for (const owner of candidates) owner.accepted = true;
      continue;
    }
    const accepted = [];
    for (const owner of candidates) {
      const failure = attempt([...accepted, owner]);
      if (failure === null) {
        owner.accepted = true;
        accepted.push(owner);
      } else refuse2(owner, failure);
    }
  }
  let suggestionOf = /* @__PURE__ */ new Map();
  let sharedOf = /* @__PURE__ */ new Map();
  for (let round = 0; round <= owners.length + request.pods.length + 1; round++) {
    const selected = owners.filter((o) => o.accepted);
    suggestionOf = /* @__PURE__ */ new Map();
    if (selected.length === 0) break;
    let rendered;
    let groups;
    try {
      rendered = render(selected);
      groups = groupSplices(table, rendered.splices);
    } catch (error) {
      if (!(error instanceof RenderError || error instanceof SpliceConflict)) throw error;
      const involved = error instanceof RenderError ? error.owners : new Set(selected.map((o) => o.id));
      for (const owner of selected) if (involved.has(owner.id)) refuse2(owner, { reason: error.message, shared: null });
      continue;
    }
    sharedOf = rendered.shared;
    let retry = false;
    const byId = new Map(selected.map((owner, order) => [owner.id, { owner, order }]));
    const apart = [...contexts.values()].every((context) => context.anchors.size === 0);
    const dealtWith = /* @__PURE__ */ new Set();
    for (const group of groups) {
      const groupOwners = [...group.owners].flatMap((id) => byId.get(id) ?? []).sort((a, b) => a.order - b.order).map(({ owner }) => owner);
      const suggestion = toSuggestion(table, group, request.diff, bomBytes);
      const reason5 = suggestion === null ? "the fix changes nothing in the text" : verifyText([suggestionSplice(table, suggestion, bomBytes)], expectationOf(groupOwners));
      if (reason5 === null && suggestion) {
        for (const owner of groupOwners) suggestionOf.set(owner.id, suggestion);
        continue;
      }
      retry = true;
      const pods2 = new Set(groupOwners.map((o) => o.podIndex));
      if ([...pods2].some((p) => dealtWith.has(p))) continue;
      if ([...pods2].some((p) => !collapsed.has(p))) {
        for (const p of pods2) collapsed.add(p);
      } else {
        for (const owner of groupOwners) refuse2(owner, { reason: reason5 ?? "the fix did not verify", shared: null });
      }
      for (const p of pods2) dealtWith.add(p);
      if (!apart) break;
    }
    if (retry) continue;
    const all = [...new Set(suggestionOf.values())];
    const reason4 = verifyText(
      all.map((suggestion) => suggestionSplice(table, suggestion, bomBytes)),
      expectationOf(selected)
    );
    if (reason4 === null) break;
    for (const owner of selected) refuse2(owner, { reason: reason4, shared: null });
  }
  const suggestions = [...new Set(suggestionOf.values())].sort((a, b) => a.startLine - b.startLine || (a.edit?.start ?? 0) - (b.edit?.start ?? 0));
  const pods = request.pods.map(
    (pod, podIndex) => (byPod[podIndex] ?? []).map((owner) => {
      const suggestion = owner.accepted ? suggestionOf.get(owner.id) ?? null : null;
      const shared = sharedOf.get(owner.id);
      const users = anchored.get(owner.id);
      const caveats = [
        ...suggestion?.edit ? [longLineNote(suggestion.edit, suggestion.startLine)] : [],
        ...owner.plan.kind === "edits" && owner.plan.caveat ? [owner.plan.caveat] : [],
        ...shared ? [users === void 0 ? sharedCaveat(shared) : anchorCaveat(shared, users)] : []
      ];
      const note = suggestion ? caveats.length > 0 ? caveats.join(" ") : null : owner.note ?? noSafeFix(owner.check, "the fix did not verify");
      return { check: owner.check, fix: suggestion, fixNote: note };
    })
  );
  return { suggestions, pods };
}

// src/findings/fixes.ts
function textOf(content) {
  const decoded = decodeContent(content);
  return "text" in decoded ? decoded.text : null;
}
function stricter(a, b) {
  return levelRank(b.level) > levelRank(a.level) ? b : a;
}
function fixFindings(file, text3, evaluations, findings, diff, selected = () => true, advice = []) {
  const adviceOf = (i) => advice[i] ?? [];
  const wantedAdvice = evaluations.map((_, i) => new Set(adviceOf(i).map((f) => f.check).filter((check) => isFixableAdvice(check) && selected(check))));
  if (text3 === null || evaluations.every((e, i) => e.outcome.blocking.length + e.outcome.warning.length === 0 && wantedAdvice[i].size === 0)) {
    return { findings, advice: evaluations.map((_, i) => adviceOf(i)), suggestions: [] };
  }
  const pods = evaluations.map((evaluation, i) => {
    const upstream = [...evaluation.outcome.blocking, ...evaluation.outcome.warning].map((placed2) => placed2.failure).filter((failure) => selected(failure.check));
    const advised = adviceFailures(evaluation.source.pod, (id) => wantedAdvice[i].has(id));
    return {
      source: evaluation.source,
      failures: [...upstream, ...advised],
      policy: stricter(evaluation.policy.enforce, evaluation.policy.warn),
      upstream: upstream.length
    };
  });
  const isSelected = (check) => selected(check);
  const first = pods[0].policy;
  const fixes = computeFixes({ file, text: text3, pods, level: first.level, version: first.version, diff });
  const withFix = (finding, fix) => fix ? { ...finding, fix: fix.fix, fixNote: fix.fixNote } : finding;
  return {
    suggestions: fixes.suggestions,
    findings: findings.map(
      (podFindings, i) => podFindings.map((finding, j) => {
        const k = podFindings.slice(0, j).filter((f) => isSelected(f.check)).length;
        return withFix(finding, isSelected(finding.check) && k < pods[i].upstream ? fixes.pods[i]?.[k] : void 0);
      })
    ),
    // The advice failures follow the upstream ones, one per check.
    advice: evaluations.map(
      (_, i) => adviceOf(i).map((finding) => {
        const k = pods[i].failures.findIndex((failure, index) => index >= pods[i].upstream && failure.check === finding.check);
        return withFix(finding, k < 0 ? void 0 : fixes.pods[i]?.[k]);
      })
    )
  };
}

// src/policy/sources/kyvernoOutcome.ts
function stringMap(value) {
  return Object.fromEntries(Object.entries(value ?? {}).filter((e) => typeof e[1] === "string"));
}
function objectOf(source) {
  let object = source.document.value;
  for (const segment of source.objectPath) {
    if (typeof segment === "number") object = Array.isArray(object) ? object[segment] : void 0;
    else object = isObject(object) ? object[segment] : void 0;
  }
  return object ?? null;
}
function kyvernoSubjectOf(source, namespaces) {
  const object = objectOf(source);
  const metadata = isObject(object) ? obj(object, "metadata") : void 0;
  const entry = source.namespace === null ? void 0 : namespaces.byName.get(source.namespace);
  return {
    kind: source.kind,
    name: source.name,
    namespace: source.namespace,
    labels: stringMap(obj(metadata, "labels")),
    annotations: stringMap(obj(metadata, "annotations")),
    namespaceLabels: entry ? entry.manifest.labels : null
  };
}
function kyvernoVerdicts(source, rules, namespaces) {
  if (rules.length === 0) return [];
  const subject2 = kyvernoSubjectOf(source, namespaces);
  const object = objectOf(source);
  return rules.filter((rule) => ruleMatches(rule, subject2)).flatMap((rule) => {
    const { name, shape } = ruleNameFor(rule, subject2);
    const preconditions = rule.preconditions ? conditionsHold(rule.preconditions, { object, namespace: subject2.namespace, shape }) : true;
    if (preconditions === false) return [];
    const failures = evaluatePodSecurityRule(source.pod, rule.level, rule.version, rule.excludes).failures;
    const exceptions = (rule.exceptions ?? []).filter((e) => namesRule(e, policyKey(rule), name) && exceptionApplies(e, subject2, object));
    const verdict = { rule, action: ruleAction(rule, subject2), preconditionsAssumed: preconditions === null, exceptions };
    if (exceptions.length === 0 || failures.length === 0) return [{ ...verdict, failures, excepted: [] }];
    if (exceptions.some((e) => e.podSecurity.length === 0)) return [{ ...verdict, failures: [], excepted: failures }];
    const left = evaluatePodSecurityRule(source.pod, rule.level, rule.version, [...rule.excludes, ...exceptions.flatMap((e) => e.podSecurity)]).failures;
    const still = new Set(left.map((f) => f.check));
    return [{ ...verdict, failures: left, excepted: failures.filter((f) => !still.has(f.check)) }];
  });
}
function withKyverno(outcome, verdicts) {
  if (verdicts.every((v) => v.failures.length === 0 && v.excepted.length === 0)) return outcome;
  const blocking = [...outcome.blocking];
  let warning = [...outcome.warning];
  const blocked = new Set(blocking.map((f) => f.failure.check));
  const warned = new Set(warning.map((f) => f.failure.check));
  const placed2 = (verdict, failure, mode) => {
    const policy = { level: verdict.rule.level, version: verdict.rule.version };
    return { mode, policy, levelSource: kyvernoSource(verdict.rule, verdict), failure, optOut: null, kyvernoRule: verdict.rule };
  };
  for (const verdict of verdicts.filter((v) => v.action === "enforce")) {
    for (const failure of verdict.failures) {
      if (blocked.has(failure.check)) continue;
      blocked.add(failure.check);
      warning = warning.filter((f) => f.failure.check !== failure.check);
      blocking.push(placed2(verdict, failure, "enforce"));
    }
  }
  for (const verdict of verdicts.filter((v) => v.action === "audit")) {
    for (const failure of verdict.failures) {
      if (blocked.has(failure.check) || warned.has(failure.check)) continue;
      warned.add(failure.check);
      warning.push(placed2(verdict, failure, "warn"));
    }
  }
  const ignored = [...outcome.ignored];
  const reported = new Set([...blocking, ...warning, ...ignored].map((f) => f.failure.check));
  for (const verdict of verdicts) {
    for (const failure of verdict.excepted) {
      if (reported.has(failure.check)) continue;
      reported.add(failure.check);
      const message = `${verdict.exceptions.map(exceptionLabel).join(", ")} exempts it from Kyverno ${verdict.rule.policy} rule ${verdict.rule.ruleName}`;
      ignored.push({ ...placed2(verdict, failure, verdict.action === "enforce" ? "enforce" : "warn"), why: [{ kind: "kyverno-exception", message }] });
    }
  }
  return { ...outcome, blocking, warning, ignored, allowed: blocking.length === 0 };
}

// src/policy/split.ts
function evaluatePolicy(pod, policy) {
  const cache3 = /* @__PURE__ */ new Map();
  const at3 = (lv) => {
    const key = formatLevelVersion(lv);
    let evaluation = cache3.get(key);
    if (!evaluation) {
      evaluation = evaluatePod(pod, lv.level, lv.version);
      cache3.set(key, evaluation);
    }
    return evaluation;
  };
  return splitEvaluations(pod, policy, {
    enforce: at3(policy.enforce),
    warn: at3(policy.warn),
    audit: policy.audit ? at3(policy.audit) : null,
    preview: policy.preview ? at3({ level: policy.enforce.level, version: policy.preview.version }) : null
  });
}
function imagesConcerned(failure, pod) {
  if (failure.paths.length === 0) return null;
  const images = [];
  for (const path10 of failure.paths) {
    const [root, key, index] = path10;
    if (root !== "spec" || typeof index !== "number" || !containerListKeys.includes(key)) return null;
    const container = list(pod.spec, key)[index];
    if (!isObject(container)) return null;
    images.push(str(container, "image"));
  }
  return images;
}
function ignoreCauses(failure, pod, policy) {
  const causes = [];
  if (policy.exemption) causes.push({ kind: "exemption", exemption: policy.exemption, message: policy.exemption.message });
  for (const disabled of policy.disabled) {
    if (disabled.check !== failure.check) continue;
    if (disabled.images) {
      const images = imagesConcerned(failure, pod);
      if (!images?.every((image) => matchImage(image, disabled.images ?? []) !== null)) continue;
    }
    const scope = disabled.images ? ` for images ${disabled.images.join(", ")}` : "";
    const reason4 = disabled.reason ? `: ${disabled.reason}` : "";
    const message = `disabled${scope} by ${disabled.at.key} in ${disabled.at.file}:${disabled.at.line}${reason4}`;
    causes.push({ kind: "disabled", disabled, message });
  }
  for (const optOut of policy.optOuts) {
    if (optOut.status === "honoured" && optOut.checks.includes(failure.check)) causes.push({ kind: "annotation", optOut, message: optOut.message });
  }
  return causes;
}
function unhonouredOptOut(check, policy) {
  return policy.optOuts.find((o) => o.status !== "honoured" && o.checks.includes(check)) ?? null;
}
function splitEvaluations(pod, policy, evaluations) {
  const blocking = [];
  const warning = [];
  const ignored = [];
  const preview = [];
  const place = (mode, lv, levelSource, failure, into) => {
    const finding = { mode, policy: lv, levelSource, failure, optOut: unhonouredOptOut(failure.check, policy) };
    const why = ignoreCauses(failure, pod, policy);
    if (why.length > 0) ignored.push({ ...finding, why });
    else into.push(finding);
  };
  const reported = /* @__PURE__ */ new Set();
  const modes = [
    ["enforce", policy.enforce, policy.levelSource, evaluations.enforce, blocking],
    ["warn", policy.warn, policy.warnSource, evaluations.warn, warning]
  ];
  if (policy.audit && policy.auditSource) modes.push(["audit", policy.audit, policy.auditSource, evaluations.audit, warning]);
  for (const [mode, lv, source, evaluation, into] of modes) {
    for (const failure of evaluation?.failures ?? []) {
      if (reported.has(failure.check)) continue;
      reported.add(failure.check);
      place(mode, lv, source, failure, into);
    }
  }
  if (policy.preview && evaluations.preview) {
    const failingToday = new Set(evaluations.enforce.failures.map((f) => f.check));
    const lv = { level: policy.enforce.level, version: policy.preview.version };
    for (const failure of evaluations.preview.failures) {
      if (!failingToday.has(failure.check)) place("preview", lv, policy.preview.source, failure, preview);
    }
  }
  return { evaluations, blocking, warning, ignored, preview, allowed: blocking.length === 0 };
}

// src/findings/finding.ts
var containerAnnotationPrefixes = ["container.apparmor.security.beta.kubernetes.io/", "container.seccomp.security.alpha.kubernetes.io/"];
function containerOfPath(pod, path10) {
  const [root, list4, index] = [path10[0], path10[1], path10[2]];
  if (root === "spec" && typeof list4 === "string" && containerListKeys.includes(list4) && typeof index === "number") {
    const entries2 = pod.spec[list4];
    const entry = Array.isArray(entries2) ? entries2[index] : void 0;
    return isObject(entry) ? str(entry, "name") : null;
  }
  if (root === "metadata" && list4 === "annotations" && typeof index === "string") {
    const prefix2 = containerAnnotationPrefixes.find((p) => index.startsWith(p));
    if (prefix2 !== void 0 && index.length > prefix2.length) return index.slice(prefix2.length);
  }
  return null;
}
function describeLevelSource(source) {
  return source.detail;
}
function toFinding(source, placed2) {
  const { failure } = placed2;
  const locations = failure.paths.map((podPath) => {
    const documentPath = [...source.templatePath, ...podPath];
    const where2 = locate(source.document.source, documentPath);
    return {
      path: formatFieldPath(documentPath),
      line: where2.line,
      column: where2.column,
      exact: where2.exact,
      container: containerOfPath(source.pod, podPath)
    };
  }).sort((a, b) => a.line - b.line || a.column - b.column);
  const containers = [...new Set(failure.paths.map((p) => containerOfPath(source.pod, p)).filter((c) => c !== null))];
  const podLevel = failure.paths.some((p) => containerOfPath(source.pod, p) === null);
  return {
    file: source.document.file,
    apiVersion: source.apiVersion,
    kind: source.kind,
    namespace: source.namespace,
    name: source.name,
    container: containers.length === 1 && !podLevel ? containers[0] ?? null : null,
    containers,
    check: failure.check,
    reason: failure.reason,
    detail: failure.detail,
    level: placed2.policy.level,
    version: formatVersion(placed2.policy.version),
    line: locations[0]?.line ?? source.document.line,
    locations,
    mode: placed2.mode,
    blocking: placed2.mode === "enforce",
    levelSource: { kind: placed2.levelSource.kind, detail: describeLevelSource(placed2.levelSource) },
    optOutNote: placed2.optOut ? placed2.optOut.message : null,
    fix: null,
    fixNote: null
  };
}

// src/findings/policyContext.ts
function policyContext(today2, parts = {}) {
  return {
    config: parts.config ?? defaultPolicyConfig,
    overrides: parts.overrides ?? {},
    namespaces: parts.namespaces ?? emptyNamespaceIndex,
    today: today2,
    ...parts.extraChecks ? { extraChecks: parts.extraChecks } : {},
    ...parts.sourceOptions ? { sourceOptions: parts.sourceOptions } : {},
    ...parts.cluster ? { cluster: parts.cluster } : {}
  };
}
function repositoryPolicy(documents, context) {
  const options = context.sourceOptions ?? {};
  const namespaces = reads(options, "namespace-labels") ? namespaceIndexOf(documents, context) : { index: emptyNamespaceIndex, problems: [] };
  const cluster = clusterSourcesOf(documents, options);
  const problems = [...namespaces.problems, ...cluster.problems.map((p) => ({ ...p, kind: "invalid" }))];
  return { context: { ...context, namespaces: namespaces.index, cluster: cluster.cluster }, problems, notices: [...cluster.notices] };
}
function namespaceIndexOf(documents, context) {
  if (!namespaceLabelsOn(context.config, context.overrides)) return { index: emptyNamespaceIndex, problems: [] };
  const manifests = [];
  const problems = [];
  for (const document of documents) {
    const extraction = namespacesFromDocument(document, (path10) => locate(document.source, path10).line);
    manifests.push(...extraction.namespaces);
    for (const p of extraction.problems) problems.push({ file: p.file, line: locate(document.source, p.path).line, kind: "invalid", message: p.message });
  }
  const index = indexNamespaces(manifests);
  for (const p of index.problems) problems.push({ file: p.file, line: p.line, kind: p.kind === "conflict" ? "namespace-conflict" : "invalid", message: p.message });
  return { index, problems };
}
function resolveFor(source, context, subject2 = subjectFromPodSpec(source)) {
  return resolvePolicy({
    subject: subject2,
    config: context.config,
    namespaces: context.namespaces,
    overrides: context.overrides,
    today: context.today,
    admission: context.cluster?.admission ?? null
  });
}
function evaluatePodSpec(source, context, policy = resolveFor(source, context)) {
  const atBase2 = context.kyvernoAtBase ? kyvernoVerdicts(source, context.kyvernoAtBase.rules, context.kyvernoAtBase.namespaces) : [];
  const outcome = withKyverno(evaluatePolicy(source.pod, policy), [...kyvernoVerdicts(source, context.cluster?.kyverno ?? [], context.namespaces), ...atBase2]);
  const enforce = outcome.evaluations.enforce;
  const kyvernoBlock = outcome.blocking.find((f) => f.levelSource.kind === "kyverno");
  const message = enforce.allowed ? kyvernoBlock ? `${kyvernoBlock.levelSource.detail}: ${warnMessage(kyvernoBlock.policy, outcome.blocking.filter((f) => f.levelSource.detail === kyvernoBlock.levelSource.detail).map((f) => f.failure))}` : null : source.kind === "Pod" ? enforceMessage(source.name, policy.enforce, enforce.failures) : warnMessage(policy.enforce, enforce.failures);
  const findings = [...outcome.blocking, ...outcome.warning, ...outcome.preview].map((placed2) => toFinding(source, placed2));
  const ignored = outcome.ignored.map((placed2) => ({ ...toFinding(source, placed2), blocking: false, why: placed2.why.map((cause) => cause.message) }));
  const problems = policy.problems.map((problem) => ({
    file: source.document.file,
    line: locate(source.document.source, annotationPath(source, problem.place, problem.annotation)).line,
    kind: source.kind,
    namespace: source.namespace,
    name: source.name,
    annotation: problem.annotation,
    message: problem.message
  }));
  return {
    source,
    verdict: {
      file: source.document.file,
      apiVersion: source.apiVersion,
      kind: source.kind,
      namespace: source.namespace,
      name: source.name,
      line: locate(source.document.source, source.objectPath).line,
      allowed: outcome.allowed,
      message: outcome.allowed ? null : message
    },
    findings,
    ignored,
    problems,
    policy,
    outcome
  };
}
function defaultPolicies(context, cluster = context.cluster) {
  const policy = resolvePolicy({
    subject: { file: "", namespace: null, kind: "", name: "", workloadAnnotations: {}, templateAnnotations: null, runtimeClassName: null, images: [] },
    config: context.config,
    overrides: context.overrides,
    today: context.today,
    admission: cluster?.admission ?? null
  });
  return { enforce: formatLevelVersion(policy.enforce), warn: formatLevelVersion(policy.warn) };
}

// src/findings/evaluateFiles.ts
function sortProblems(problems) {
  return problems.sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0));
}
function mayHoldNamespace(content) {
  const words = ["Namespace", "PodSecurityConfiguration", "kyverno.io", "\\"];
  if (typeof content === "string") return words.some((word) => content.includes(word));
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  return words.some((word) => bytes.includes(word));
}
function namespacePass(files, options) {
  const errors = [];
  const early = /* @__PURE__ */ new Map();
  const wanted = namespaceLabelsOn(options.policy.config, options.policy.overrides) || readsClusterSources(options.policy.sourceOptions ?? {});
  files.forEach((file, i) => {
    if (!wanted || !mayHoldNamespace(file.content)) return;
    const loaded = loadManifestFile(file.path, file.content, options.load ?? defaultLoadOptions);
    errors.push(...loaded.problems);
    early.set(i, loaded.documents);
  });
  const repository = repositoryPolicy([...early.values()].flat(), options.policy);
  errors.push(...repository.problems);
  return { context: repository.context, early, errors, notices: repository.notices };
}
function evaluateFile(file, documents, context, options) {
  const errors = [];
  if (documents === void 0) {
    const loaded = loadManifestFile(file.path, file.content, options.load ?? defaultLoadOptions);
    errors.push(...loaded.problems);
    documents = loaded.documents;
  }
  const evaluations = [];
  for (const document of documents) {
    const extraction = extractPodSpecs(document);
    errors.push(...extraction.problems);
    for (const source of extraction.pods) evaluations.push(evaluatePodSpec(source, context));
  }
  const perPod = evaluations.map((e) => e.findings);
  const advice = evaluations.map((e) => adviceFindings(e.source, context.extraChecks ?? defaultExtraChecks));
  const fixed2 = options.fixes ? fixFindings(file.path, textOf(file.content), evaluations, perPod, null, options.fixChecks, advice) : { findings: perPod, advice };
  return {
    findings: [
      ...fixed2.findings.flat(),
      ...fixed2.advice.flat(),
      ...pspFindingsOf(documents, context.extraChecks ?? defaultExtraChecks)
    ],
    ignored: evaluations.flatMap((e) => e.ignored),
    policyProblems: evaluations.flatMap((e) => e.problems),
    podSpecs: evaluations.map((e) => e.verdict),
    errors
  };
}
function mergeResults(pass, results) {
  const passErrors = pass.errors;
  return {
    ...pass.notices.length > 0 ? { notices: pass.notices } : {},
    ...pass.context.cluster ? { cluster: pass.context.cluster } : {},
    findings: results.flatMap((r) => r.findings),
    ignored: results.flatMap((r) => r.ignored),
    policyProblems: results.flatMap((r) => r.policyProblems),
    errors: sortProblems([...passErrors, ...results.flatMap((r) => r.errors)]),
    podSpecs: results.flatMap((r) => r.podSpecs)
  };
}
function evaluateFiles(files, options, evaluated) {
  const pass = namespacePass(files, options);
  const results = files.map((file, i) => {
    const documents = pass.early.get(i);
    pass.early.delete(i);
    const result = evaluateFile(file, documents, pass.context, options);
    evaluated?.(file);
    return result;
  });
  return mergeResults(pass, results);
}

// src/io/render/fsTree.ts
import { readdir, readFile, stat } from "node:fs/promises";
import path2 from "node:path";

// src/render/kustomization.ts
var import_yaml11 = __toESM(require_dist(), 1);

// src/render/paths.ts
function dirOf(path10) {
  const slash = path10.lastIndexOf("/");
  return slash < 0 ? "" : path10.slice(0, slash);
}
function joinPath(dir, reference) {
  if (reference.startsWith("/")) return null;
  const parts = dir === "" ? [] : dir.split("/");
  for (const part of reference.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join("/");
}
function isInside(path10, dir) {
  return dir === "" || path10 === dir || path10.startsWith(`${dir}/`);
}
function shownDir(dir) {
  return dir === "" ? "." : dir;
}

// src/render/kustomization.ts
var kustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
var isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
var list2 = (value) => Array.isArray(value) ? value : [];
var text = (value) => typeof value === "string" ? value : null;
function isRemote(reference) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(reference) || /^[\w.-]+@[\w.-]+:/.test(reference)) return true;
  if (reference.includes("?ref=") || reference.includes("//")) return true;
  const first = reference.split("/")[0] ?? "";
  return first.includes(".") && first !== "." && first !== ".." && reference.includes("/") && !/\.(ya?ml|json)$/i.test(reference);
}
function kustomizationIn(dir, paths) {
  for (const name of kustomizationNames) {
    const file = dir === "" ? name : `${dir}/${name}`;
    if (paths.has(file)) return file;
  }
  return null;
}
function targetOf(value) {
  if (!isRecord(value)) return null;
  return { kind: text(value.kind), name: text(value.name) };
}
function inlinePatchReader(source) {
  let parsed2 = null;
  return (at3, entry) => {
    if (parsed2 === null) {
      const lines2 = new import_yaml11.LineCounter();
      parsed2 = { doc: (0, import_yaml11.parseDocument)(source, { lineCounter: lines2 }), lines: lines2 };
    }
    const { doc, lines } = parsed2;
    const node = doc.getIn(at3, true);
    const item = doc.getIn(entry, true);
    if (!(0, import_yaml11.isScalar)(node) || typeof node.value !== "string" || node.range === void 0 || node.range === null) return null;
    const entryLine = lines.linePos(item?.range?.[0] ?? node.range[0]).line;
    const firstLine2 = node.type === "BLOCK_LITERAL" ? lines.linePos(node.range[0]).line + 1 : null;
    return { text: node.value, firstLine: firstLine2, entryLine };
  };
}
function readKustomization(file, source, paths) {
  const dir = dirOf(file);
  const resourceFiles = [];
  const kustomizations = [];
  const patches = [];
  const otherFiles = [];
  const remote = [];
  const missing = [];
  let raw;
  let problem = null;
  try {
    raw = (0, import_yaml11.parse)(source);
  } catch (error) {
    problem = `not valid YAML: ${error.message.split("\n")[0] ?? ""}`;
  }
  const k = isRecord(raw) ? raw : {};
  const reference = (value, filesAllowed) => {
    const ref = text(value);
    if (ref === null) return;
    if (isRemote(ref)) return void remote.push(ref);
    const path10 = joinPath(dir, ref);
    if (path10 === null) return void missing.push(ref);
    if (kustomizationIn(path10, paths) !== null) kustomizations.push(path10);
    else if (filesAllowed && paths.has(path10)) resourceFiles.push(path10);
    else missing.push(ref);
  };
  const file_ = (value, into) => {
    const ref = text(value);
    const path10 = ref === null ? null : joinPath(dir, ref.replace(/^[^=]*=/, ""));
    if (path10 !== null && paths.has(path10)) into.push(path10);
  };
  for (const value of list2(k.resources)) reference(value, true);
  for (const value of list2(k.bases)) reference(value, false);
  for (const value of list2(k.components)) reference(value, false);
  const inlinePatch = inlinePatchReader(source);
  list2(k.patches).forEach((entry, i) => {
    if (!isRecord(entry)) return;
    const path10 = text(entry.path) === null ? null : joinPath(dir, text(entry.path));
    if (path10 !== null && !paths.has(path10)) missing.push(text(entry.path));
    const inline = text(entry.patch) === null ? null : inlinePatch(["patches", i, "patch"], ["patches", i]);
    patches.push({ path: path10 !== null && paths.has(path10) ? path10 : null, inline, target: targetOf(entry.target), json6902: false });
  });
  list2(k.patchesStrategicMerge).forEach((entry, i) => {
    const ref = text(entry);
    const isInline = ref !== null && (ref.includes("\n") || ref.includes(": "));
    const path10 = ref !== null && !isInline ? joinPath(dir, ref) : null;
    const inline = isInline ? inlinePatch(["patchesStrategicMerge", i], ["patchesStrategicMerge", i]) : null;
    patches.push({ path: path10 !== null && paths.has(path10) ? path10 : null, inline, target: null, json6902: false });
  });
  list2(k.patchesJson6902).forEach((entry, i) => {
    if (!isRecord(entry)) return;
    const path10 = text(entry.path) === null ? null : joinPath(dir, text(entry.path));
    const inline = text(entry.patch) === null ? null : inlinePatch(["patchesJson6902", i, "patch"], ["patchesJson6902", i]);
    patches.push({ path: path10 !== null && paths.has(path10) ? path10 : null, inline, target: targetOf(entry.target), json6902: true });
  });
  for (const generator of [...list2(k.configMapGenerator), ...list2(k.secretGenerator)]) {
    if (!isRecord(generator)) continue;
    for (const value of [...list2(generator.files), ...list2(generator.envs), generator.env]) file_(value, otherFiles);
  }
  for (const key of ["crds", "configurations", "replacements", "generators", "transformers", "validators"]) {
    for (const value of list2(k[key])) file_(isRecord(value) ? value.path : value, otherFiles);
  }
  return {
    file,
    dir,
    resourceFiles,
    kustomizations,
    patches,
    otherFiles,
    remote,
    missing,
    namePrefix: text(k.namePrefix) ?? "",
    nameSuffix: text(k.nameSuffix) ?? "",
    helmCharts: list2(k.helmCharts).length > 0,
    problem
  };
}

// src/io/render/fsTree.ts
var skipped = /* @__PURE__ */ new Set([".git", "node_modules"]);
async function walk2(root, directory, out) {
  let entries2;
  try {
    entries2 = await readdir(directory, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries2) {
    const full = path2.join(directory, entry.name);
    if (entry.isDirectory() && !skipped.has(entry.name)) await walk2(root, full, out);
    else if (entry.isFile()) out.set(path2.relative(root, full).split(path2.sep).join("/"), full);
  }
}
async function filesIn(root, directory, out) {
  const entries2 = await readdir(directory, { withFileTypes: true }).catch(() => []);
  for (const entry of entries2) if (entry.isFile()) out.set(path2.relative(root, path2.join(directory, entry.name)).split(path2.sep).join("/"), path2.join(directory, entry.name));
}
var isKustomization = (file) => kustomizationNames.includes(file.slice(file.lastIndexOf("/") + 1));
async function addReferences(cwd, listing, maxBytes) {
  const done = /* @__PURE__ */ new Set();
  for (; ; ) {
    const pending = [...listing.keys()].filter((file) => isKustomization(file) && !done.has(file));
    if (pending.length === 0) return;
    for (const file of pending) {
      done.add(file);
      const absolute = listing.get(file);
      const info = await stat(absolute).catch(() => null);
      if (info === null || info.size > maxBytes) continue;
      const k = readKustomization(file, await readFile(absolute, "utf8"), new Set(listing.keys()));
      for (const reference of k.missing) {
        const target = joinPath(k.dir, reference);
        if (target === null || target === "") continue;
        const full = path2.join(cwd, ...target.split("/"));
        const found = await stat(full).catch(() => null);
        if (found?.isDirectory()) await filesIn(cwd, full, listing);
        else if (found?.isFile()) listing.set(target, full);
      }
    }
  }
}
function fsTreeReader(cwd, args, maxBytes) {
  return {
    async list() {
      const listing = /* @__PURE__ */ new Map();
      for (const arg of args) {
        const absolute = path2.resolve(cwd, arg);
        const relative = path2.relative(cwd, absolute);
        if (relative.startsWith("..") || path2.isAbsolute(relative)) continue;
        const info = await stat(absolute).catch(() => null);
        if (info?.isDirectory()) await walk2(cwd, absolute, listing);
        else if (info?.isFile()) listing.set(relative.split(path2.sep).join("/"), absolute);
      }
      await addReferences(cwd, listing, maxBytes);
      return { files: listing, truncated: false };
    },
    async read(_commit, listing, paths) {
      const files = /* @__PURE__ */ new Map();
      for (const p of paths) {
        const absolute = listing.get(p);
        if (absolute === void 0) continue;
        const info = await stat(absolute).catch(() => null);
        if (info === null || info.size > maxBytes) continue;
        files.set(p, await readFile(absolute));
      }
      return files;
    }
  };
}

// src/io/render/tools.ts
import { mkdir } from "node:fs/promises";
import path3 from "node:path";

// src/io/render/process.ts
import { spawn } from "node:child_process";
var nowhere = "http://127.0.0.1:9";
function toolEnvironment(home, extra = {}) {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    HTTP_PROXY: nowhere,
    HTTPS_PROXY: nowhere,
    http_proxy: nowhere,
    https_proxy: nowhere,
    NO_PROXY: "",
    no_proxy: "",
    GIT_ALLOW_PROTOCOL: "none",
    GIT_TERMINAL_PROMPT: "0",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    ...extra
  };
}
function runTool(command, args, options) {
  return new Promise((resolve4) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    const out = [];
    const err = [];
    let outBytes = 0;
    let errBytes = 0;
    let stopped = null;
    const stop = (reason4, limit) => {
      if (stopped !== null) return;
      stopped = { reason: reason4, limit };
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => stop(`timed out after ${options.limits.timeoutMs / 1e3} s`, "timeout"), options.limits.timeoutMs);
    child.stdout.on("data", (chunk) => {
      outBytes += chunk.length;
      if (outBytes > options.limits.maxOutputBytes) stop(`its output went over the limit of ${options.limits.maxOutputBytes} bytes`, "output");
      else out.push(chunk);
    });
    child.stderr.on("data", (chunk) => {
      if (errBytes < 64 * 1024) err.push(chunk);
      errBytes += chunk.length;
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve4(error.code === "ENOENT" ? { kind: "not-found" } : { kind: "failed", reason: `could not start: ${error.message}`, stderr: "" });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString("utf8");
      if (stopped !== null) resolve4({ kind: "failed", reason: stopped.reason, stderr, limit: stopped.limit });
      else if (code === 0) resolve4({ kind: "ok", stdout: Buffer.concat(out).toString("utf8") });
      else resolve4({ kind: "failed", reason: `exit status ${code ?? "unknown"}`, stderr });
    });
  });
}

// src/io/render/tools.ts
var raise = {
  timeout: "raise `render.timeout` (seconds) in the config file if it needs longer",
  output: "raise `render.max-output-size` (bytes) in the config file if it is meant to be that large"
};
function firstLines(stderr, count2 = 5) {
  const lines = stderr.split("\n").map((l) => l.trimEnd()).filter((l) => l !== "");
  return lines.slice(0, count2).join("\n") + (lines.length > count2 ? "\n\u2026" : "");
}
function shown3(command) {
  return [command.command, ...command.args].map((a) => /^[\w./:=@-]+$/.test(a) ? a : JSON.stringify(a)).join(" ");
}
function kustomizeCommands(dir) {
  const target = shownDir(dir);
  return [
    { command: "kustomize", args: ["build", target] },
    { command: "kubectl", args: ["kustomize", target] }
  ];
}
function helmCommand(root) {
  const helm = root.helm;
  return {
    command: "helm",
    args: ["template", helm.release, shownDir(root.dir), "--namespace", helm.namespace, ...helm.valuesFiles.flatMap((v) => ["--values", v])]
  };
}
async function runFirst(commands2, cwd, env, limits, missing) {
  for (const command of commands2) {
    if (missing.has(command.command)) continue;
    const result = await runTool(command.command, command.args, { cwd, env, limits });
    if (result.kind !== "not-found") return { command, result };
    missing.add(command.command);
  }
  return null;
}
async function renderIn(root, treeDir, missing) {
  const home = path3.join(treeDir, ".psr-home");
  await mkdir(home, { recursive: true });
  const env = toolEnvironment(home, {
    KUSTOMIZE_PLUGIN_HOME: path3.join(home, "kustomize-plugins"),
    HELM_CACHE_HOME: path3.join(home, "helm-cache"),
    HELM_CONFIG_HOME: path3.join(home, "helm-config"),
    HELM_DATA_HOME: path3.join(home, "helm-data"),
    HELM_PLUGINS: path3.join(home, "helm-plugins"),
    KUBECONFIG: path3.join(home, "no-kubeconfig")
  });
  const commands2 = root.tool === "kustomize" ? kustomizeCommands(root.dir) : [helmCommand(root)];
  const ran = await runFirst(commands2, treeDir, env, root.limits, missing);
  if (ran === null) return { kind: "missing-tool", tool: root.tool === "kustomize" ? "kustomize (or kubectl)" : "helm" };
  const { command, result } = ran;
  if (result.kind === "ok") return { kind: "rendered", text: result.stdout };
  const stderr = result.kind === "failed" ? firstLines(result.stderr.replaceAll(`${treeDir}/`, "").replaceAll(treeDir, ".")) : "";
  const reason4 = result.kind === "failed" ? `${result.reason}${result.limit ? `; ${raise[result.limit]}` : ""}` : "not found";
  return { kind: "failed", message: `\`${shown3(command)}\` failed (${reason4})${stderr === "" ? "" : `:
${stderr}`}` };
}

// src/io/render/trees.ts
import { mkdir as mkdir2, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path4 from "node:path";

// src/diff/links.ts
function linkContent(target) {
  return { kind: "unavailable", reason: `is a symbolic link to ${target}; links are not followed, so it was not checked` };
}

// node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options = {}) {
    let callback;
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if ("callback" in options) {
      callback = options.callback;
    }
    const oldString = this.castInput(oldStr, options);
    const newString = this.castInput(newStr, options);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
    const newTokens = this.removeEmpty(this.tokenize(newString, options));
    return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options, callback) {
    var _a;
    const done = (value) => {
      value = this.postProcess(value, options);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options.maxEditLength);
    }
    const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath && removePath.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options);
        } else {
          basePath = this.addToPath(removePath, false, true, 1, options);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path10, added, removed, oldPosInc, options) {
    const last = path10.lastComponent;
    if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path10.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path10.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options) {
    if (options.comparator) {
      return options.comparator(left, right);
    } else {
      return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array) {
    const ret = [];
    for (let i = 0; i < array.length; i++) {
      if (array[i]) {
        ret.push(array[i]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options) {
    return Array.from(value);
  }
  join(chars) {
    return chars.join("");
  }
  postProcess(changeObjects, options) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i) {
            const oldValue = oldTokens[oldPos + i];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize2;
  }
  equals(left, right, options) {
    if (options.ignoreWhitespace) {
      if (!options.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize2(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// node_modules/diff/libesm/patch/parse.js
function parsePatch(uniDiff) {
  const diffstr = uniDiff.split(/\n/), list4 = [];
  let i = 0;
  function isGitDiffHeader(line) {
    return /^diff --git /.test(line);
  }
  function isDiffHeader(line) {
    return isGitDiffHeader(line) || /^Index:\s/.test(line) || /^diff(?: -r \w+)+\s/.test(line);
  }
  function isFileHeader(line) {
    return /^(---|\+\+\+)\s/.test(line);
  }
  function isHunkHeader(line) {
    return /^@@\s/.test(line);
  }
  function parseIndex() {
    var _a;
    const index = {};
    index.hunks = [];
    list4.push(index);
    let seenDiffHeader = false;
    while (i < diffstr.length) {
      const line = diffstr[i];
      if (isFileHeader(line) || isHunkHeader(line)) {
        break;
      }
      if (isGitDiffHeader(line)) {
        if (seenDiffHeader) {
          return;
        }
        seenDiffHeader = true;
        index.isGit = true;
        const paths = parseGitDiffHeader(line);
        if (paths) {
          index.oldFileName = paths.oldFileName;
          index.newFileName = paths.newFileName;
        }
        i++;
        while (i < diffstr.length) {
          const extLine = diffstr[i];
          if (isFileHeader(extLine) || isHunkHeader(extLine) || isDiffHeader(extLine)) {
            break;
          }
          const renameFromMatch = /^rename from (.*)/.exec(extLine);
          if (renameFromMatch) {
            index.oldFileName = "a/" + unquoteIfQuoted(renameFromMatch[1]);
            index.isRename = true;
          }
          const renameToMatch = /^rename to (.*)/.exec(extLine);
          if (renameToMatch) {
            index.newFileName = "b/" + unquoteIfQuoted(renameToMatch[1]);
            index.isRename = true;
          }
          const copyFromMatch = /^copy from (.*)/.exec(extLine);
          if (copyFromMatch) {
            index.oldFileName = "a/" + unquoteIfQuoted(copyFromMatch[1]);
            index.isCopy = true;
          }
          const copyToMatch = /^copy to (.*)/.exec(extLine);
          if (copyToMatch) {
            index.newFileName = "b/" + unquoteIfQuoted(copyToMatch[1]);
            index.isCopy = true;
          }
          const newFileModeMatch = /^new file mode (\d+)/.exec(extLine);
          if (newFileModeMatch) {
            index.isCreate = true;
            index.newMode = newFileModeMatch[1];
          }
          const deletedFileModeMatch = /^deleted file mode (\d+)/.exec(extLine);
          if (deletedFileModeMatch) {
            index.isDelete = true;
            index.oldMode = deletedFileModeMatch[1];
          }
          const oldModeMatch = /^old mode (\d+)/.exec(extLine);
          if (oldModeMatch) {
            index.oldMode = oldModeMatch[1];
          }
          const newModeMatch = /^new mode (\d+)/.exec(extLine);
          if (newModeMatch) {
            index.newMode = newModeMatch[1];
          }
          if (/^Binary files /.test(extLine)) {
            index.isBinary = true;
          }
          i++;
        }
        continue;
      } else if (isDiffHeader(line)) {
        if (seenDiffHeader) {
          return;
        }
        seenDiffHeader = true;
        const headerMatch = /^(?:Index:|diff(?: -r \w+)+)\s+/.exec(line);
        if (headerMatch) {
          index.index = line.substring(headerMatch[0].length).trim();
        }
      }
      i++;
    }
    parseFileHeader(index);
    parseFileHeader(index);
    if (index.oldFileName === void 0 !== (index.newFileName === void 0)) {
      throw new Error("Missing " + (index.oldFileName !== void 0 ? '"+++ ..."' : '"--- ..."') + " file header for " + ((_a = index.oldFileName) !== null && _a !== void 0 ? _a : index.newFileName));
    }
    while (i < diffstr.length) {
      const line = diffstr[i];
      if (isDiffHeader(line) || isFileHeader(line) || /^===================================================================/.test(line)) {
        break;
      } else if (isHunkHeader(line)) {
        index.hunks.push(parseHunk());
      } else {
        i++;
      }
    }
  }
  function parseGitDiffHeader(line) {
    const rest = line.substring("diff --git ".length);
    if (rest.startsWith('"')) {
      const oldPath = parseQuotedFileName(rest);
      if (oldPath === null) {
        return null;
      }
      const afterOld = rest.substring(oldPath.rawLength + 1);
      let newFileName;
      if (afterOld.startsWith('"')) {
        const newPath = parseQuotedFileName(afterOld);
        if (newPath === null) {
          return null;
        }
        newFileName = newPath.fileName;
      } else {
        newFileName = afterOld;
      }
      return {
        oldFileName: oldPath.fileName,
        newFileName
      };
    }
    const quoteIdx = rest.indexOf('"');
    if (quoteIdx > 0) {
      const oldFileName = rest.substring(0, quoteIdx - 1);
      const newPath = parseQuotedFileName(rest.substring(quoteIdx));
      if (newPath === null) {
        return null;
      }
      return {
        oldFileName,
        newFileName: newPath.fileName
      };
    }
    if (rest.startsWith("a/")) {
      const splits = [];
      let idx = 0;
      while (true) {
        idx = rest.indexOf(" b/", idx + 1);
        if (idx === -1) {
          break;
        }
        splits.push(idx);
      }
      if (splits.length > 0) {
        const mid = splits[Math.floor(splits.length / 2)];
        return {
          oldFileName: rest.substring(0, mid),
          newFileName: rest.substring(mid + 1)
        };
      }
    }
    return null;
  }
  function unquoteIfQuoted(s) {
    if (s.startsWith('"')) {
      const parsed2 = parseQuotedFileName(s);
      if (parsed2) {
        return parsed2.fileName;
      }
    }
    return s;
  }
  function parseQuotedFileName(s) {
    if (!s.startsWith('"')) {
      return null;
    }
    let result = "";
    let j = 1;
    while (j < s.length) {
      if (s[j] === '"') {
        return { fileName: result, rawLength: j + 1 };
      }
      if (s[j] === "\\" && j + 1 < s.length) {
        j++;
        switch (s[j]) {
          case "a":
            result += "\x07";
            break;
          case "b":
            result += "\b";
            break;
          case "f":
            result += "\f";
            break;
          case "n":
            result += "\n";
            break;
          case "r":
            result += "\r";
            break;
          case "t":
            result += "	";
            break;
          case "v":
            result += "\v";
            break;
          case "\\":
            result += "\\";
            break;
          case '"':
            result += '"';
            break;
          case "0":
          case "1":
          case "2":
          case "3":
          case "4":
          case "5":
          case "6":
          case "7": {
            if (j + 2 >= s.length || s[j + 1] < "0" || s[j + 1] > "7" || s[j + 2] < "0" || s[j + 2] > "7") {
              return null;
            }
            const bytes = [parseInt(s.substring(j, j + 3), 8)];
            j += 3;
            while (s[j] === "\\" && s[j + 1] >= "0" && s[j + 1] <= "7") {
              if (j + 3 >= s.length || s[j + 2] < "0" || s[j + 2] > "7" || s[j + 3] < "0" || s[j + 3] > "7") {
                return null;
              }
              bytes.push(parseInt(s.substring(j + 1, j + 4), 8));
              j += 4;
            }
            result += new TextDecoder("utf-8").decode(new Uint8Array(bytes));
            continue;
          }
          // Note that in C, there are also three kinds of hex escape sequences:
          // - \xhh
          // - \uhhhh
          // - \Uhhhhhhhh
          // We do not bother to parse them here because, so far as we know,
          // they are never emitted by any tools that generate unified diff
          // format diffs, and so for now jsdiff does not consider them legal.
          default:
            return null;
        }
      } else {
        result += s[j];
      }
      j++;
    }
    return null;
  }
  function parseFileHeader(index) {
    const fileHeaderMatch = /^(---|\+\+\+)\s+/.exec(diffstr[i]);
    if (fileHeaderMatch) {
      const prefix2 = fileHeaderMatch[1], data = diffstr[i].substring(3).trim().split("	", 2), header = (data[1] || "").trim();
      let fileName = data[0];
      if (fileName.startsWith('"')) {
        fileName = unquoteIfQuoted(fileName);
      } else {
        fileName = fileName.replace(/\\\\/g, "\\");
      }
      if (prefix2 === "---") {
        index.oldFileName = fileName;
        index.oldHeader = header;
      } else {
        index.newFileName = fileName;
        index.newHeader = header;
      }
      i++;
    }
  }
  function parseHunk() {
    var _a;
    const chunkHeaderIndex = i, chunkHeaderLine = diffstr[i++], chunkHeader = chunkHeaderLine.split(/@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/);
    const hunk = {
      oldStart: +chunkHeader[1],
      oldLines: typeof chunkHeader[2] === "undefined" ? 1 : +chunkHeader[2],
      newStart: +chunkHeader[3],
      newLines: typeof chunkHeader[4] === "undefined" ? 1 : +chunkHeader[4],
      lines: []
    };
    if (hunk.oldLines === 0) {
      hunk.oldStart += 1;
    }
    if (hunk.newLines === 0) {
      hunk.newStart += 1;
    }
    let addCount = 0, removeCount = 0;
    for (; i < diffstr.length && (removeCount < hunk.oldLines || addCount < hunk.newLines || ((_a = diffstr[i]) === null || _a === void 0 ? void 0 : _a.startsWith("\\"))); i++) {
      const operation = diffstr[i].length == 0 && i != diffstr.length - 1 ? " " : diffstr[i][0];
      if (operation === "+" || operation === "-" || operation === " " || operation === "\\") {
        hunk.lines.push(diffstr[i]);
        if (operation === "+") {
          addCount++;
        } else if (operation === "-") {
          removeCount++;
        } else if (operation === " ") {
          addCount++;
          removeCount++;
        }
      } else {
        throw new Error(`Hunk at line ${chunkHeaderIndex + 1} contained invalid line ${diffstr[i]}`);
      }
    }
    if (!addCount && hunk.newLines === 1) {
      hunk.newLines = 0;
    }
    if (!removeCount && hunk.oldLines === 1) {
      hunk.oldLines = 0;
    }
    if (addCount !== hunk.newLines) {
      throw new Error("Added line count did not match for hunk at line " + (chunkHeaderIndex + 1));
    }
    if (removeCount !== hunk.oldLines) {
      throw new Error("Removed line count did not match for hunk at line " + (chunkHeaderIndex + 1));
    }
    if (i < diffstr.length && diffstr[i] && /^[+ -]/.test(diffstr[i]) && !isFileHeader(diffstr[i])) {
      throw new Error("Hunk at line " + (chunkHeaderIndex + 1) + " has more lines than expected (expected " + hunk.oldLines + " old lines and " + hunk.newLines + " new lines)");
    }
    return hunk;
  }
  while (i < diffstr.length) {
    parseIndex();
  }
  return list4;
}

// node_modules/diff/libesm/patch/create.js
function needsQuoting(s) {
  for (let i = 0; i < s.length; i++) {
    if (s[i] < " " || s[i] > "~" || s[i] === '"' || s[i] === "\\") {
      return true;
    }
  }
  return false;
}
function quoteFileNameIfNeeded(s) {
  if (!needsQuoting(s)) {
    return s;
  }
  let result = '"';
  const bytes = new TextEncoder().encode(s);
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 7) {
      result += "\\a";
    } else if (b === 8) {
      result += "\\b";
    } else if (b === 9) {
      result += "\\t";
    } else if (b === 10) {
      result += "\\n";
    } else if (b === 11) {
      result += "\\v";
    } else if (b === 12) {
      result += "\\f";
    } else if (b === 13) {
      result += "\\r";
    } else if (b === 34) {
      result += '\\"';
    } else if (b === 92) {
      result += "\\\\";
    } else if (b >= 32 && b <= 126) {
      result += String.fromCharCode(b);
    } else {
      result += "\\" + b.toString(8).padStart(3, "0");
    }
    i++;
  }
  result += '"';
  return result;
}
var INCLUDE_HEADERS = {
  includeIndex: true,
  includeUnderline: true,
  includeFileHeaders: true
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  let optionsObj;
  if (!options) {
    optionsObj = {};
  } else if (typeof options === "function") {
    optionsObj = { callback: options };
  } else {
    optionsObj = options;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines = current.lines || splitLines(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function formatPatch(patch, headerOptions) {
  var _a, _b, _c, _d, _e, _f;
  if (!headerOptions) {
    headerOptions = INCLUDE_HEADERS;
  }
  if (Array.isArray(patch)) {
    if (patch.length > 1 && !headerOptions.includeFileHeaders && !patch.every((p) => p.isGit)) {
      throw new Error("Cannot omit file headers on a multi-file patch. (The result would be unparseable; how would a tool trying to apply the patch know which changes are to which file?)");
    }
    return patch.map((p) => formatPatch(p, headerOptions)).join("\n");
  }
  const ret = [];
  if (patch.isGit) {
    headerOptions = INCLUDE_HEADERS;
    if (!patch.oldFileName) {
      throw new Error("oldFileName must be specified for Git patches");
    }
    if (!patch.newFileName) {
      throw new Error("newFileName must be specified for Git patches");
    }
    let gitOldName = patch.oldFileName;
    let gitNewName = patch.newFileName;
    if (patch.isCreate && gitOldName === "/dev/null") {
      gitOldName = gitNewName.replace(/^b\//, "a/");
    } else if (patch.isDelete && gitNewName === "/dev/null") {
      gitNewName = gitOldName.replace(/^a\//, "b/");
    }
    ret.push("diff --git " + quoteFileNameIfNeeded(gitOldName) + " " + quoteFileNameIfNeeded(gitNewName));
    if (patch.isDelete) {
      ret.push("deleted file mode " + ((_a = patch.oldMode) !== null && _a !== void 0 ? _a : "100644"));
    }
    if (patch.isCreate) {
      ret.push("new file mode " + ((_b = patch.newMode) !== null && _b !== void 0 ? _b : "100644"));
    }
    if (patch.oldMode && patch.newMode && !patch.isDelete && !patch.isCreate) {
      ret.push("old mode " + patch.oldMode);
      ret.push("new mode " + patch.newMode);
    }
    if (patch.isRename) {
      ret.push("rename from " + quoteFileNameIfNeeded(((_c = patch.oldFileName) !== null && _c !== void 0 ? _c : "").replace(/^a\//, "")));
      ret.push("rename to " + quoteFileNameIfNeeded(((_d = patch.newFileName) !== null && _d !== void 0 ? _d : "").replace(/^b\//, "")));
    }
    if (patch.isCopy) {
      ret.push("copy from " + quoteFileNameIfNeeded(((_e = patch.oldFileName) !== null && _e !== void 0 ? _e : "").replace(/^a\//, "")));
      ret.push("copy to " + quoteFileNameIfNeeded(((_f = patch.newFileName) !== null && _f !== void 0 ? _f : "").replace(/^b\//, "")));
    }
  } else {
    if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName && patch.oldFileName !== void 0) {
      ret.push("Index: " + patch.oldFileName);
    }
    if (headerOptions.includeUnderline) {
      ret.push("===================================================================");
    }
  }
  const hasHunks = patch.hunks.length > 0;
  if (headerOptions.includeFileHeaders && patch.oldFileName !== void 0 && patch.newFileName !== void 0 && (!patch.isGit || hasHunks)) {
    ret.push("--- " + quoteFileNameIfNeeded(patch.oldFileName) + (patch.oldHeader ? "	" + patch.oldHeader : ""));
    ret.push("+++ " + quoteFileNameIfNeeded(patch.newFileName) + (patch.newHeader ? "	" + patch.newHeader : ""));
  }
  for (let i = 0; i < patch.hunks.length; i++) {
    const hunk = patch.hunks[i];
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    ret.push("@@ -" + oldStart + "," + hunk.oldLines + " +" + newStart + "," + hunk.newLines + " @@");
    for (const line of hunk.lines) {
      ret.push(line);
    }
  }
  return ret.join("\n") + "\n";
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  if (typeof options === "function") {
    options = { callback: options };
  }
  if (!(options === null || options === void 0 ? void 0 : options.callback)) {
    const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options);
    if (!patchObj) {
      return;
    }
    return formatPatch(patchObj, options === null || options === void 0 ? void 0 : options.headerOptions);
  } else {
    const { callback } = options;
    structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options), { callback: (patchObj) => {
      if (!patchObj) {
        callback(void 0);
      } else {
        callback(formatPatch(patchObj, options.headerOptions));
      }
    } }));
  }
}
function splitLines(text3) {
  const hasTrailingNl = text3.endsWith("\n");
  const result = text3.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
}

// src/diff/parse.ts
function numberLines(hunk) {
  const lines = [];
  let baseLine = hunk.oldStart;
  let headLine = hunk.newStart;
  for (const raw of hunk.lines) {
    const marker = raw[0];
    const text3 = raw.slice(1);
    if (marker === " ") lines.push({ kind: "context", baseLine: baseLine++, headLine: headLine++, text: text3 });
    else if (marker === "+") lines.push({ kind: "added", headLine: headLine++, text: text3 });
    else if (marker === "-") lines.push({ kind: "removed", baseLine: baseLine++, text: text3 });
  }
  return {
    baseStart: hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart,
    baseCount: hunk.oldLines,
    headStart: hunk.newLines === 0 ? hunk.newStart + 1 : hunk.newStart,
    headCount: hunk.newLines,
    lines
  };
}
function stripPrefix(name, prefix2) {
  if (name === void 0 || name === "/dev/null") return null;
  return name.startsWith(prefix2) ? name.slice(prefix2.length) : name;
}
function parseGitDiff(diff) {
  return parsePatch(diff).map((file) => ({
    basePath: stripPrefix(file.oldFileName, "a/"),
    headPath: stripPrefix(file.newFileName, "b/"),
    hunks: file.hunks.map(numberLines)
  }));
}

// src/git/run.ts
import { spawn as spawn2 } from "node:child_process";
var GitError = class extends Error {
  constructor(message, exitCode, stderr) {
    super(message);
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
  exitCode;
  stderr;
};
var pinnedConfig = [
  "-c",
  "core.quotePath=true",
  "-c",
  "diff.noprefix=false",
  "-c",
  "diff.mnemonicPrefix=false",
  "-c",
  "diff.relative=false",
  "-c",
  "diff.external=",
  "-c",
  "color.ui=never"
];
function git(cwd, args, input) {
  return new Promise((resolve4, reject) => {
    const child = spawn2("git", [...pinnedConfig, ...args], { cwd, stdio: [input === void 0 ? "ignore" : "pipe", "pipe", "pipe"] });
    const out = [];
    const err = [];
    child.stdout?.on("data", (chunk) => out.push(chunk));
    child.stderr?.on("data", (chunk) => err.push(chunk));
    child.on("error", (error) => reject(new GitError(`cannot run git: ${error.message}`, null, "")));
    child.on("close", (code) => {
      const stderr = Buffer.concat(err).toString("utf8");
      if (code === 0) resolve4(Buffer.concat(out));
      else reject(new GitError(`git ${args[0] ?? ""} failed: ${stderr.trim() || `exit ${code}`}`, code, stderr));
    });
    if (input !== void 0 && child.stdin) {
      child.stdin.on("error", () => {
      });
      child.stdin.end(input);
    }
  });
}

// src/git/changeSet.ts
function typeOf2(mode) {
  if (mode === "000000" || mode.startsWith("100")) return "file";
  return mode === "120000" ? "link" : "other";
}
var zeroSha = /^0+$/;
var statusOf = { A: "added", M: "modified", R: "renamed", C: "copied", D: "removed", T: "modified" };
function parseRaw(output) {
  const fields2 = output.split("\0");
  const entries2 = [];
  for (let i = 0; i < fields2.length; ) {
    const header = fields2[i++] ?? "";
    if (header === "") continue;
    const [baseMode = "", headMode = "", baseSha = "", headSha = "", code = ""] = header.slice(1).split(" ");
    const letter = code[0] ?? "";
    const status = statusOf[letter];
    const first = fields2[i++] ?? "";
    const second = letter === "R" || letter === "C" ? fields2[i++] ?? "" : void 0;
    if (!status) continue;
    entries2.push({
      status,
      path: second ?? first,
      ...second !== void 0 ? { previousPath: first } : {},
      baseBlob: zeroSha.test(baseSha) ? null : baseSha,
      headBlob: zeroSha.test(headSha) ? null : headSha,
      baseType: typeOf2(baseMode),
      headType: typeOf2(headMode)
    });
  }
  return entries2;
}
async function readBlobs(repository, shas, maxBytes) {
  const result = /* @__PURE__ */ new Map();
  const unique = [...new Set(shas)];
  if (unique.length === 0) return result;
  const check = (await git(repository, ["cat-file", "--batch-check"], `${unique.join("\n")}
`)).toString("utf8");
  const wanted = [];
  for (const line of check.split("\n")) {
    const [sha = "", type = "", size = ""] = line.split(" ");
    if (sha === "" || type !== "blob") continue;
    const bytes = Number(size);
    if (bytes > maxBytes) result.set(sha, { kind: "unavailable", reason: `file is ${bytes} bytes, over the limit of ${maxBytes} bytes; it was not checked` });
    else wanted.push(sha);
  }
  if (wanted.length === 0) return result;
  const batch = await git(repository, ["cat-file", "--batch"], `${wanted.join("\n")}
`);
  let offset = 0;
  while (offset < batch.length) {
    const newline = batch.indexOf(10, offset);
    const [sha = "", , size = "0"] = batch.subarray(offset, newline).toString("utf8").split(" ");
    const start = newline + 1;
    const end = start + Number(size);
    result.set(sha, { kind: "content", data: batch.subarray(start, end) });
    offset = end + 1;
  }
  return result;
}
function linkAt(blob) {
  return linkContent(blob.kind === "content" ? Buffer.from(blob.data).toString("utf8") : "(unknown)");
}
async function mergeBase(repository, base, head) {
  return (await git(repository, ["merge-base", base, head])).toString("utf8").trim();
}
async function resolveCommit(repository, ref) {
  return (await git(repository, ["rev-parse", "--verify", "--end-of-options", `${ref}^{commit}`])).toString("utf8").trim();
}
async function readGitChangeSet(range2) {
  const { repository, maxBytes } = range2;
  const headCommit = await resolveCommit(repository, range2.head);
  const baseCommit = await mergeBase(repository, await resolveCommit(repository, range2.base), headCommit);
  const diffArgs = ["diff", "-M", "--no-color", "--no-ext-diff", "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/", baseCommit, headCommit];
  const raw = parseRaw((await git(repository, ["diff", "--raw", "-z", "-M", "--no-abbrev", baseCommit, headCommit])).toString("utf8"));
  const patches = parseGitDiff((await git(repository, [...diffArgs, "-U3", "--"])).toString("utf8"));
  const hunksByPath = /* @__PURE__ */ new Map();
  for (const patch of patches) {
    const key = patch.headPath ?? patch.basePath;
    if (key !== null) hunksByPath.set(key, patch.hunks);
  }
  const entries2 = raw.filter((entry) => entry.baseType !== "other" && entry.headType !== "other");
  const blobs = await readBlobs(repository, entries2.flatMap((e) => [e.baseBlob, e.headBlob].filter((s) => s !== null)), maxBytes);
  const contentOf = (sha) => sha === null ? { kind: "absent" } : blobs.get(sha) ?? { kind: "unavailable", reason: "the blob could not be read" };
  const files = entries2.map((entry) => {
    const base = entry.baseType === "link" ? { kind: "absent" } : contentOf(entry.baseBlob);
    const head = entry.headType === "link" ? linkAt(contentOf(entry.headBlob)) : contentOf(entry.headBlob);
    const hunks = hunksByPath.get(entry.path) ?? [];
    const binary = [base, head].some((c) => c.kind === "content" && Buffer.from(c.data).includes(0));
    return {
      path: entry.path,
      ...entry.previousPath !== void 0 ? { previousPath: entry.previousPath } : {},
      status: entry.status,
      base,
      head,
      hunks: binary ? null : hunks
    };
  });
  return { files };
}

// src/render/chart.ts
var import_yaml12 = __toESM(require_dist(), 1);
var isRecord2 = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function readChart(file, source, files) {
  const dir = dirOf(file);
  let raw = null;
  try {
    raw = (0, import_yaml12.parse)(source);
  } catch {
  }
  const chart = isRecord2(raw) ? raw : {};
  const name = typeof chart.name === "string" && chart.name !== "" ? chart.name : dir.split("/").pop() ?? "chart";
  const vendored = `${dir === "" ? "" : `${dir}/`}charts/`;
  const inCharts = files.filter((p) => p.startsWith(vendored)).map((p) => p.slice(vendored.length));
  const missingDependencies = [];
  for (const dependency of Array.isArray(chart.dependencies) ? chart.dependencies : []) {
    if (!isRecord2(dependency) || typeof dependency.name !== "string") continue;
    const dep = dependency.name;
    const present = inCharts.some((p) => p === `${dep}/Chart.yaml` || p.startsWith(`${dep}-`) && p.endsWith(".tgz") && !p.includes("/"));
    if (!present) missingDependencies.push(typeof dependency.version === "string" ? `${dep} ${dependency.version}` : dep);
  }
  return { file, dir, name, missingDependencies };
}

// src/render/discover.ts
var defaultRenderSettings = { charts: [] };
var defaultRenderLimits = { timeoutMs: 6e4, maxOutputBytes: 16 * 1024 * 1024 };
function limitsOf(settings) {
  return {
    timeoutMs: settings.timeout === void 0 ? defaultRenderLimits.timeoutMs : Math.round(settings.timeout * 1e3),
    maxOutputBytes: settings.maxOutputSize ?? defaultRenderLimits.maxOutputBytes
  };
}
var baseName = (path10) => path10.slice(path10.lastIndexOf("/") + 1);
function discoveryReads(paths) {
  return [...paths].filter((p) => kustomizationNames.includes(baseName(p)) || baseName(p) === "Chart.yaml");
}
function kustomizationsOf(tree) {
  const byDir = /* @__PURE__ */ new Map();
  for (const [path10, text3] of tree.texts) {
    if (!kustomizationNames.includes(baseName(path10))) continue;
    const dir = dirOf(path10);
    if (kustomizationIn(dir, tree.paths) !== path10) continue;
    byDir.set(dir, readKustomization(path10, text3, tree.paths));
  }
  return byDir;
}
function closureOf(dir, byDir) {
  const files = /* @__PURE__ */ new Set();
  const remote = [];
  let helmCharts = false;
  const seen = /* @__PURE__ */ new Set();
  const visit5 = (at3) => {
    const k = byDir.get(at3);
    if (!k || seen.has(at3)) return;
    seen.add(at3);
    files.add(k.file);
    for (const path10 of [...k.resourceFiles, ...k.otherFiles]) files.add(path10);
    for (const patch of k.patches) if (patch.path !== null) files.add(patch.path);
    remote.push(...k.remote);
    helmCharts ||= k.helmCharts;
    for (const child of k.kustomizations) visit5(child);
  };
  visit5(dir);
  return { files, remote, helmCharts };
}
function ancestors(path10) {
  const out = [];
  for (let dir = dirOf(path10); ; dir = dirOf(dir)) {
    out.push(dir);
    if (dir === "") return out;
  }
}
function chartsOf(tree) {
  const chartFiles = [...tree.texts.keys()].filter((path10) => baseName(path10) === "Chart.yaml");
  const dirs = new Set(chartFiles.map(dirOf));
  const vendored = (dir) => ancestors(dir).some((a) => baseName(a) === "charts" && dirs.has(dirOf(a)) && a !== "");
  const roots = new Set([...dirs].filter((dir) => !vendored(dir)));
  const files = new Map([...roots].map((dir) => [dir, []]));
  for (const path10 of tree.paths) {
    const owner = ancestors(path10).find((dir) => roots.has(dir));
    if (owner !== void 0) files.get(owner).push(path10);
  }
  return chartFiles.filter((path10) => roots.has(dirOf(path10))).map((path10) => {
    const inChart = files.get(dirOf(path10));
    return { chart: readChart(path10, tree.texts.get(path10), inChart), files: inChart };
  });
}
function kustomizeRoots(head, base, changed, limits, consumed) {
  const headK = kustomizationsOf(head);
  const baseK = base ? kustomizationsOf(base) : /* @__PURE__ */ new Map();
  for (const byDir of [headK, baseK]) {
    for (const dir of byDir.keys()) for (const file of closureOf(dir, byDir).files) consumed.add(file);
  }
  const used = new Set([...headK.values()].flatMap((k) => k.kustomizations));
  const roots = [];
  for (const [dir, k] of headK) {
    if (used.has(dir)) continue;
    const closure = closureOf(dir, headK);
    const before = baseK.has(dir) ? closureOf(dir, baseK).files : /* @__PURE__ */ new Set();
    if (![...closure.files, ...before].some((file) => changed.has(file))) continue;
    const blocked = closure.remote.length > 0 ? `remote ${closure.remote.length === 1 ? "base" : "bases"} ${closure.remote.map((r) => `\`${r}\``).join(", ")} ${closure.remote.length === 1 ? "is" : "are"} never fetched` : closure.helmCharts ? "its `helmCharts` need Helm inflation, which is not run" : null;
    roots.push({ tool: "kustomize", dir, file: k.file, label: shownDir(dir), sources: [...closure.files].sort(), baseSources: [...before].sort(), helm: null, blocked, limits });
  }
  return roots;
}
function helmRoots(head, base, changed, settings, consumed) {
  const roots = [];
  const baseCharts = new Map((base ? chartsOf(base) : []).map(({ chart, files }) => [chart.dir, files]));
  for (const files of baseCharts.values()) for (const path10 of files) consumed.add(path10);
  for (const { chart, files: inChart } of chartsOf(head)) {
    for (const path10 of inChart) consumed.add(path10);
    const config = settings.charts.find((c) => c.chart.replace(/\/+$/, "") === chart.dir);
    const values = (config?.values ?? []).filter((v) => head.paths.has(v));
    const touched = [...changed].some((path10) => isInside(path10, chart.dir) || values.includes(path10));
    if (!touched) continue;
    const blocked = chart.missingDependencies.length > 0 ? `${chart.missingDependencies.length === 1 ? "dependency" : "dependencies"} ${chart.missingDependencies.map((d) => `\`${d}\``).join(", ")} ${chart.missingDependencies.length === 1 ? "is" : "are"} not vendored in \`charts/\` (run \`helm dependency build\` and commit it); dependencies are never fetched` : null;
    const invocation = (extra) => ({
      release: config?.release ?? chart.name,
      namespace: config?.namespace ?? "default",
      valuesFiles: [...values, ...extra]
    });
    const sources = [.../* @__PURE__ */ new Set([...inChart, ...values])].sort();
    const baseSources = baseCharts.has(chart.dir) ? [.../* @__PURE__ */ new Set([...baseCharts.get(chart.dir), ...values.filter((v) => base.paths.has(v))])].sort() : [];
    const rendering = { tool: "helm", dir: chart.dir, file: chart.file, sources, baseSources, blocked, limits: limitsOf(settings) };
    roots.push({ ...rendering, label: shownDir(chart.dir), helm: invocation([]) });
    if (!config?.ciValues) continue;
    const ciDir = `${chart.dir === "" ? "" : `${chart.dir}/`}ci/`;
    for (const ci of inChart.filter((p) => p.startsWith(ciDir) && /-values\.ya?ml$/.test(p) && !p.slice(ciDir.length).includes("/")).sort()) {
      roots.push({ ...rendering, label: `${shownDir(chart.dir)} (${ci.slice(chart.dir.length + (chart.dir === "" ? 0 : 1))})`, helm: invocation([ci]) });
    }
  }
  return roots;
}
function discoverRoots(head, base, changedPaths, settings = defaultRenderSettings) {
  const changed = new Set(changedPaths);
  const consumed = /* @__PURE__ */ new Set();
  const roots = [...kustomizeRoots(head, base, changed, limitsOf(settings), consumed), ...helmRoots(head, base, changed, settings, consumed)];
  roots.sort((a, b) => a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0);
  return { roots, consumed };
}

// src/io/render/trees.ts
function gitTreeReader(repository, maxBytes) {
  return {
    async list(commit) {
      let output;
      try {
        output = (await git(repository, ["ls-tree", "-r", "-z", "--full-tree", commit])).toString("utf8");
      } catch (error) {
        if (error instanceof GitError) return null;
        throw error;
      }
      const listing = /* @__PURE__ */ new Map();
      for (const entry of output.split("\0")) {
        const tab = entry.indexOf("	");
        if (tab < 0) continue;
        const [mode = "", type = "", id = ""] = entry.slice(0, tab).split(" ");
        if (type === "blob" && mode.startsWith("100")) listing.set(entry.slice(tab + 1), id);
      }
      return { files: listing, truncated: false };
    },
    async read(_commit, listing, paths) {
      const wanted = paths.flatMap((p) => listing.has(p) ? [[p, listing.get(p)]] : []);
      const blobs = await readBlobs(repository, wanted.map(([, id]) => id), maxBytes);
      const files = /* @__PURE__ */ new Map();
      for (const [p, id] of wanted) {
        const blob = blobs.get(id);
        if (blob?.kind === "content") files.set(p, typeof blob.data === "string" ? Buffer.from(blob.data) : blob.data);
      }
      return files;
    }
  };
}
async function snapshotOf(reader, commit) {
  const listed = await reader.list(commit);
  if (listed === null) return null;
  const listing = listed.files;
  const files = await reader.read(commit, listing, discoveryReads(listing.keys()));
  const texts = new Map([...files].map(([p, data]) => [p, Buffer.from(data).toString("utf8")]));
  return { tree: { paths: new Set(listing.keys()), texts, ...listed.truncated ? { truncated: true } : {} }, listing };
}
async function writeTree(files) {
  const dir = await mkdtemp(path4.join(tmpdir(), "psr-render-"));
  for (const [relative, data] of files) {
    const target = path4.join(dir, ...relative.split("/"));
    if (!target.startsWith(dir + path4.sep)) continue;
    await mkdir2(path4.dirname(target), { recursive: true });
    await writeFile(target, data);
  }
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

// src/io/render/renderer.ts
var decoder = new TextDecoder();
async function renderSide(root, snapshot, reader, commit, paths, missing, edits) {
  if (snapshot === null || !snapshot.listing.has(root.file)) return { output: { kind: "absent" }, files: /* @__PURE__ */ new Map() };
  const files = await reader.read(commit, snapshot.listing, paths);
  for (const [path10, text3] of edits ?? []) files.set(path10, new TextEncoder().encode(text3));
  const tree = await writeTree(files);
  try {
    return { output: await renderIn(root, tree.dir, missing), files };
  } finally {
    await tree.dispose();
  }
}
async function openRenderer(sides) {
  const head = await snapshotOf(sides.reader, sides.head);
  if (head === null) return null;
  const base = sides.base === null ? null : await snapshotOf(sides.reader, sides.base);
  const missing = /* @__PURE__ */ new Set();
  return {
    head: head.tree,
    base: base?.tree ?? null,
    async render(roots) {
      const rendered = [];
      for (const root of roots) {
        if (root.blocked !== null) {
          rendered.push({ root, base: { kind: "absent" }, head: { kind: "absent" }, sources: /* @__PURE__ */ new Map() });
          continue;
        }
        const headSide = await renderSide(root, head, sides.reader, sides.head, root.sources, missing);
        const baseSide = headSide.output.kind === "rendered" ? await renderSide(root, base, sides.reader, sides.base ?? "", root.baseSources, missing) : { output: { kind: "absent" } };
        const sources = new Map([...headSide.files].map(([path10, data]) => [path10, decoder.decode(data)]));
        rendered.push({ root, base: baseSide.output, head: headSide.output, sources });
      }
      return rendered;
    },
    async renderEdited(root, edits) {
      return (await renderSide(root, head, sides.reader, sides.head, root.sources, missing, edits)).output;
    }
  };
}

// src/scope/select.ts
var defaultSelection = { include: ["**/*.yaml", "**/*.yml", "**/*.json"], exclude: [] };
function selectsPath(selection, path10) {
  const matches2 = (pattern) => minimatch(path10, pattern, { dot: true });
  return selection.include.some(matches2) && !selection.exclude.some(matches2);
}
function selectsFile(selection, file) {
  return selectsPath(selection, file.path) || file.previousPath !== void 0 && selectsPath(selection, file.previousPath);
}

// src/diff/lines.ts
function diffLines2(hunks) {
  const ranges = (hunks ?? []).map((hunk) => ({ start: hunk.headStart, end: hunk.headStart + hunk.headCount - 1 })).filter((range2) => range2.end >= range2.start);
  const hunkOf = (line) => ranges.findIndex((r) => line >= r.start && line <= r.end);
  let texts;
  const textOf2 = (line) => {
    if (!texts) {
      texts = /* @__PURE__ */ new Map();
      for (const hunk of hunks ?? []) for (const l of hunk.lines) if (l.kind !== "removed") texts.set(l.headLine, l.text.replace(/\r$/, ""));
    }
    return texts.get(line);
  };
  return {
    textOf: textOf2,
    ranges,
    has: (line) => hunkOf(line) !== -1,
    hunkOf,
    spansOneHunk: (start, end) => start <= end && hunkOf(start) !== -1 && hunkOf(start) === hunkOf(end)
  };
}

// src/scope/policyChanges.ts
var approval = "Revert the relaxation, or have someone who may lower the bar approve it: a repository admin merges past the check, or the config at the base commit sets `policy-changes: warn`.";
function relaxationFinding(subject2, what, bar, source, places, status, rule, linesOf2) {
  const blocking = rule === "block";
  const locations = places.map((p) => ({ path: formatFieldPath(p.path), line: p.line, column: 1, exact: true, container: null, inDiff: linesOf2(p.file)?.has(p.line) ?? false })).sort((a, b) => a.line - b.line);
  const { reason: reason4, ...about } = subject2;
  return {
    ...about,
    container: null,
    containers: [],
    check: policyChangeCheckId,
    reason: reason4 ?? (subject2.kind === "Namespace" ? `the pull request relaxes the pod-security labels of Namespace ${subject2.name}` : `the pull request relaxes the policy that judges ${subject2.kind} ${subject2.namespace === null ? "" : `${subject2.namespace}/`}${subject2.name}`),
    detail: what.join("; "),
    level: bar.level,
    version: formatVersion(bar.version),
    line: locations[0]?.line ?? 1,
    locations,
    mode: blocking ? "enforce" : "warn",
    blocking,
    levelSource: source,
    optOutNote: null,
    fix: null,
    fixNote: approval,
    status,
    preexisting: false
  };
}
function labelPlace(entry, documents, label2) {
  const { manifest } = entry;
  for (const document of documents) {
    if (document.file !== manifest.file || !isObject(document.value)) continue;
    if (document.value.kind !== "Namespace" || str(obj(document.value, "metadata"), "name") !== manifest.name) continue;
    const labels = obj(obj(document.value, "metadata"), "labels") ?? {};
    const path10 = label2 in labels ? ["metadata", "labels", label2] : ["metadata", "labels"];
    return { file: manifest.file, path: path10, line: locate(document.source, path10).line };
  }
  return { file: manifest.file, path: ["metadata", "labels"], line: manifest.line };
}
function namespaceRelaxations(base, head, defaults2, documents, rule, linesOf2) {
  const admission = { ...defaults2, audit: { level: "privileged", version: "latest" } };
  const findings = [];
  for (const name of /* @__PURE__ */ new Set([...base.byName.keys(), ...head.byName.keys()])) {
    const before = base.byName.get(name);
    const after = head.byName.get(name);
    const was = policyToEvaluate(before?.podSecurityLabels ?? {}, admission).policy;
    const is = policyToEvaluate(after?.podSecurityLabels ?? {}, admission).policy;
    const what = [];
    const places = [];
    for (const mode of ["enforce", "warn", "audit"]) {
      if (!isLaxer(is[mode], was[mode])) continue;
      const label2 = namespaceLabels[mode];
      if (mode !== "enforce" && before?.podSecurityLabels[label2] === void 0 && after?.podSecurityLabels[label2] === void 0) continue;
      const value = after?.podSecurityLabels[label2];
      const how = after === void 0 ? "the Namespace is removed" : value === void 0 ? `label ${label2} removed` : `label ${label2}=${value}`;
      what.push(`${mode} ${formatLevelVersion(was[mode])} becomes ${formatLevelVersion(is[mode])} (${how})`);
      if (after) places.push(labelPlace(after, documents.head, value === void 0 && after.podSecurityLabels[`${label2}-version`] !== void 0 ? `${label2}-version` : label2));
    }
    if (what.length === 0) continue;
    const entry = after ?? before;
    const where2 = after ? places : [labelPlace(before, documents.base, namespaceLabels.enforce)];
    const subject2 = { file: entry.manifest.file, apiVersion: "v1", kind: "Namespace", namespace: null, name };
    const source = { kind: "namespace-label", detail: before ? `Namespace ${name}'s labels at the base commit (${before.manifest.file}:${before.manifest.line})` : "the run's default levels, as the Namespace is new" };
    findings.push(relaxationFinding(subject2, what, was.enforce, source, uniquePlaces(where2), before ? "modified" : "new", rule, linesOf2));
  }
  return findings;
}
function uniquePlaces(places) {
  const seen = /* @__PURE__ */ new Set();
  return places.filter((p) => {
    const key = `${p.file}:${p.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function workloadRelaxation(r, rule, linesOf2) {
  const { pod, base } = r;
  const what = [...r.moved];
  const places = [];
  const at3 = (path10) => ({ file: pod.document.file, path: path10, line: locate(pod.document.source, path10).line });
  if (r.moved.length > 0 && base) {
    const movedWhere = base.namespace !== pod.namespace ? "namespace" : "name";
    places.push(at3([...pod.objectPath, "metadata", movedWhere]));
    if (base.document.file !== pod.document.file) what.push(`moved from ${base.document.file}`);
  }
  if (r.exemptRuntimeClass !== null) {
    what.push(r.exemptRuntimeClass);
    places.push(at3([...pod.templatePath, "spec", "runtimeClassName"]));
  }
  for (const added of r.addedOptOuts) {
    what.push(`adds an opt-out of ${added.checks.join(", ")}`);
    places.push(at3(added.path));
  }
  if (what.length === 0) return null;
  const subject2 = { file: pod.document.file, apiVersion: pod.apiVersion, kind: pod.kind, namespace: pod.namespace, name: pod.name };
  const source = { kind: r.basePolicy.levelSource.kind, detail: `${r.basePolicy.levelSource.detail} (the policy before the change)` };
  return relaxationFinding(subject2, what, r.basePolicy.enforce, source, uniquePlaces(places), r.status, rule, linesOf2);
}

// src/scope/clusterPolicyChanges.ts
var exemptionKinds = [
  ["namespaces", "namespace"],
  ["runtimeClassNames", "runtimeClass"],
  ["usernames", "username"]
];
function admissionRelaxations(base, head, defaults2, rule, linesOf2) {
  const config = head ?? base;
  if (config === null) return [];
  const what = [];
  const places = [];
  const at3 = (line) => ({ file: config.file, path: [], line });
  const modes = [
    ["enforce", defaults2.base.enforce, defaults2.head.enforce],
    ["warn", defaults2.base.warn, defaults2.head.warn],
    ...base && head ? [["audit", base.defaults.audit, head.defaults.audit]] : []
  ];
  for (const [mode, was, is] of modes) {
    if (!isLaxer(is, was)) continue;
    what.push(`${mode} ${formatLevelVersion(was)} becomes ${formatLevelVersion(is)}${head ? "" : " (the PodSecurityConfiguration is removed)"}`);
    const written = head?.written[mode];
    places.push(at3(written?.level?.line ?? written?.version?.line ?? config.line));
  }
  for (const [key, label2] of exemptionKinds) {
    const before = new Set((base?.exemptions[key] ?? []).map((e) => e.value));
    for (const entry of head?.exemptions[key] ?? []) {
      if (before.has(entry.value)) continue;
      what.push(`${label2} ${entry.value} becomes exempt`);
      places.push(at3(entry.at.line));
    }
  }
  if (what.length === 0) return [];
  const subject2 = {
    file: config.file,
    apiVersion: "pod-security.admission.config.k8s.io/v1",
    kind: "PodSecurityConfiguration",
    namespace: null,
    name: "PodSecurityConfiguration",
    reason: "the pull request relaxes the cluster's PodSecurityConfiguration"
  };
  const source = {
    kind: "admission-config",
    detail: base ? `the PodSecurityConfiguration at the base commit (${base.file}:${base.line})` : "the run's default levels, as the PodSecurityConfiguration is new"
  };
  return [relaxationFinding(subject2, what, defaults2.base.enforce, source, uniquePlaces(places), base ? "modified" : "new", rule, linesOf2)];
}
var ruleKey = (r) => `${r.policyNamespace ?? ""}\0${r.policy}\0${r.ruleName}`;
var same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
function placeOf(rule, documents, paths) {
  const document = documents.find((d) => {
    const value = valueAt2(d.value, rule.path);
    return d.file === rule.file && isObject(value) && str(value, "name") === rule.ruleName;
  });
  if (document) {
    for (const path10 of paths) {
      const found = locate(document.source, path10);
      if (found.exact) return { file: rule.file, path: path10, line: found.line };
    }
  }
  return { file: rule.file, path: rule.path, line: rule.line };
}
var formatAction = (action2) => action2 === "enforce" ? "Enforce" : "Audit";
function ruleRelaxations(before, after, documents) {
  const what = [];
  const places = [];
  const add = (text3, ...paths) => {
    what.push(text3);
    places.push(placeOf(after, documents, paths));
  };
  const rule = after.path;
  const policy = rule.slice(0, -3);
  const was = { level: before.level, version: before.version };
  const is = { level: after.level, version: after.version };
  if (isLaxer(is, was)) add(`level ${formatLevelVersion(was)} becomes ${formatLevelVersion(is)}`, [...rule, "validate", "podSecurity", "level"], [...rule, "validate", "podSecurity", "version"]);
  if (before.action === "enforce" && after.action === "audit") {
    add(`failureAction ${formatAction(before.action)} becomes ${formatAction(after.action)}`, [...rule, "validate", "failureAction"], [...policy, "spec", "validationFailureAction"]);
  }
  const audited = new Set(before.actionOverrides.filter((o) => o.action === "audit").flatMap((o) => o.namespaces));
  const newlyAudited = after.actionOverrides.filter((o) => o.action === "audit").flatMap((o) => o.namespaces.filter((n) => !audited.has(n)));
  if (newlyAudited.length > 0) {
    add(`Audit only in ${newlyAudited.join(", ")}`, [...rule, "validate", "failureActionOverrides"], [...policy, "spec", "validationFailureActionOverrides"]);
  }
  after.excludes.forEach((exclude, index) => {
    if (before.excludes.some((e) => same(e, exclude))) return;
    const images = exclude.images.length > 0 ? ` for images ${exclude.images.join(", ")}` : "";
    add(`adds an exclusion of ${exclude.controlName}${images}`, [...rule, "validate", "podSecurity", "exclude", index]);
  });
  if (!same(before.match, after.match)) add("its match changes, which may leave workloads out", [...rule, "match"]);
  if (after.exclude !== null && !same(before.exclude, after.exclude)) add("its exclude changes, which may leave workloads out", [...rule, "exclude"]);
  for (const exception of after.exceptions ?? []) {
    if ((before.exceptions ?? []).some((e) => same({ ...e, file: null, line: null }, { ...exception, file: null, line: null }))) continue;
    add(`${exceptionLabel(exception)} exempts workloads from it`, [...rule, "name"]);
  }
  const dropped = before.autogen.filter((kind) => !after.autogen.includes(kind));
  if (dropped.length > 0) add(`it no longer covers ${dropped.join(", ")} (autogen)`, [...policy, "metadata", "annotations"]);
  return { what, places };
}
function kyvernoRelaxations(base, head, documents, rule, linesOf2) {
  const byKey = new Map(head.map((r) => [ruleKey(r), r]));
  const findings = [];
  for (const before of base) {
    const after = byKey.get(ruleKey(before));
    const { what, places } = after ? ruleRelaxations(before, after, documents.head) : { what: [`rule ${before.ruleName} is removed`], places: [placeOf(before, documents.base, [[...before.path, "name"]])] };
    if (what.length === 0) continue;
    const [kind = "", name = ""] = before.policy.split("/");
    const subject2 = {
      file: after?.file ?? before.file,
      apiVersion: "kyverno.io/v1",
      kind,
      namespace: before.policyNamespace,
      name,
      reason: `the pull request relaxes Kyverno ${before.policy} rule ${before.ruleName}`
    };
    const source = kyvernoSource({ ...before, atBase: true });
    findings.push(relaxationFinding(subject2, what, { level: before.level, version: before.version }, source, uniquePlaces(places), "modified", rule, linesOf2));
  }
  return findings;
}
function kyvernoNamespaceRelaxations(rules, namespaces, documents, rule, linesOf2) {
  const selecting = rules.filter((r) => [...r.match.any ?? [], ...r.match.all ?? []].some((f) => f.namespaceSelector !== null));
  if (selecting.length === 0) return [];
  const findings = [];
  for (const [name, after] of namespaces.head.byName) {
    const before = namespaces.base.byName.get(name);
    if (!before || same(before.manifest.labels, after.manifest.labels)) continue;
    const pod = (labels) => ({ kind: "Pod", name: "", namespace: name, labels: {}, annotations: {}, namespaceLabels: labels });
    const left = selecting.filter((r) => ruleMatches(r, pod(before.manifest.labels)) && !ruleMatches(r, pod(after.manifest.labels)));
    if (left.length === 0) continue;
    const what = left.map((r) => `Kyverno ${r.policy} rule ${r.ruleName} no longer selects it`);
    const subject2 = { file: after.manifest.file, apiVersion: "v1", kind: "Namespace", namespace: null, name, reason: `the pull request relaxes the Kyverno rules that judge the pods of Namespace ${name}` };
    const source = kyvernoSource({ ...left[0], atBase: true });
    const [b, a] = [before.manifest.labels, after.manifest.labels];
    const changed = Object.keys(a).find((key) => a[key] !== b[key]) ?? "";
    findings.push(relaxationFinding(subject2, what, { level: left[0].level, version: left[0].version }, source, [labelPlace(after, documents.head, changed)], "modified", rule, linesOf2));
  }
  return findings;
}

// src/scope/configChanges.ts
var noSubject = { file: "", namespace: null, kind: "", name: "", workloadAnnotations: {}, templateAnnotations: null, runtimeClassName: null, images: [] };
function defaultsOf(config, today2) {
  const policy = resolvePolicy({ subject: noSubject, config, overrides: {}, today: today2 });
  return { enforce: policy.enforce, warn: policy.warn };
}
function ruleLevels(rule, defaults2) {
  const version4 = rule.version?.value;
  return {
    enforce: { level: rule.level?.value ?? defaults2.enforce.level, version: version4 ?? defaults2.enforce.version },
    warn: { level: rule.warnLevel?.value ?? defaults2.warn.level, version: rule.warnVersion?.value ?? version4 ?? defaults2.warn.version }
  };
}
var matchOf2 = (rule) => JSON.stringify([rule.namespaces, rule.files]);
var scopeOf = (entry) => JSON.stringify([[...entry.checks].sort(), entry.namespaces, entry.files, entry.workloads, entry.images]);
var optOutsRank = { none: 0, "base-only": 1, any: 2 };
function configRelaxations(base, head, options) {
  if (base.file === null && head.file === null) return [];
  const file = head.file ?? options.path;
  const what = [];
  const places = [];
  const add = (text3, at3) => {
    what.push(text3);
    places.push({ file, path: [], line: head.file !== null ? at3?.line ?? 1 : 1 });
  };
  const was = defaultsOf(base, options.today);
  const is = defaultsOf(head, options.today);
  if (isLaxer(is.enforce, was.enforce)) add(`level ${formatLevelVersion(was.enforce)} becomes ${formatLevelVersion(is.enforce)}`, head.level?.at ?? head.version?.at);
  if (isLaxer(is.warn, was.warn)) add(`warn level ${formatLevelVersion(was.warn)} becomes ${formatLevelVersion(is.warn)}`, head.warnLevel?.at ?? head.warnVersion?.at ?? head.version?.at);
  for (const key of ["namespaces", "runtimeClassNames"]) {
    const before = new Set(base.exemptions[key].map((e) => e.value));
    for (const entry of head.exemptions[key].filter((e) => !before.has(e.value))) add(`${key === "namespaces" ? "namespace" : "runtimeClassName"} ${entry.value} becomes exempt`, entry.at);
  }
  const disabled = new Set(base.disable.map(scopeOf));
  for (const entry of head.disable.filter((e) => !disabled.has(scopeOf(e)))) add(`disable[${entry.index}] disables ${entry.checks.join(", ")}`, entry.at);
  const baseRules = new Map(base.rules.map((r) => [matchOf2(r), r]));
  for (const rule of head.rules) {
    const before = baseRules.get(matchOf2(rule));
    const from = before ? ruleLevels(before, was) : was;
    const to = ruleLevels(rule, is);
    const lowered = ["enforce", "warn"].filter((mode) => isLaxer(to[mode], from[mode]));
    if (lowered.length > 0) add(`rules[${rule.index}] ${before ? "lowers" : "is new and lowers"} the ${lowered.join(" and ")} level of what it matches to ${lowered.map((m) => formatLevelVersion(to[m])).join(" and ")}`, rule.at);
  }
  const headRules = new Set(head.rules.map(matchOf2));
  for (const rule of base.rules.filter((r) => !headRules.has(matchOf2(r)))) {
    const levels2 = ruleLevels(rule, was);
    if (isLaxer(is.enforce, levels2.enforce)) add(`rules[${rule.index}] (${formatLevelVersion(levels2.enforce)} for what it matched) is removed`, void 0);
  }
  if (base.strict?.value === true && head.strict?.value !== true) add("strict is no longer true", head.strict?.at);
  const optOuts = (c) => optOutsRank[c.optOuts?.value ?? "base-only"];
  if (optOuts(head) > optOuts(base)) add(`opt-outs ${base.optOuts?.value ?? "base-only"} becomes ${head.optOuts?.value ?? "base-only"}`, head.optOuts?.at);
  if ((base.policyChanges?.value ?? "block") === "block" && head.policyChanges?.value === "warn") add("policy-changes block becomes warn", head.policyChanges.at);
  if ((base.namespaceLabels?.value ?? true) && head.namespaceLabels?.value === false) add("namespace-labels becomes false: Namespace labels no longer judge", head.namespaceLabels.at);
  if (what.length === 0) return [];
  const subject2 = { file, apiVersion: "", kind: "config", namespace: null, name: file, reason: `the pull request relaxes the policy config ${file}` };
  const source = { kind: "config-default", detail: base.file !== null ? `${base.file} at the base commit` : "the built-in defaults, as the config file is new" };
  return [relaxationFinding(subject2, what, was.enforce, source, uniquePlaces(places), base.file !== null ? "modified" : "new", options.rule, options.linesOf)];
}

// src/scope/scope.ts
function loadPods(path10, content, load) {
  if (content.kind === "absent") return { pods: [], documents: [], problems: [] };
  if (content.kind === "unavailable") return { pods: [], documents: [], problems: [{ file: path10, line: null, kind: "unreadable", message: content.reason }] };
  const loaded = loadManifestFile(path10, content.data, load);
  const pods = [];
  const problems = [...loaded.problems];
  for (const document of loaded.documents) {
    const extraction = extractPodSpecs(document);
    pods.push(...extraction.pods);
    problems.push(...extraction.problems);
  }
  return { pods, documents: [...loaded.documents], problems };
}
function keyed(pods) {
  const seen = /* @__PURE__ */ new Map();
  const byKey = /* @__PURE__ */ new Map();
  for (const pod of pods) {
    const identity = `${pod.kind}\0${pod.namespace ?? ""}\0${pod.name}`;
    const n = seen.get(identity) ?? 0;
    seen.set(identity, n + 1);
    byKey.set(`${identity}\0${n}`, pod);
  }
  return byKey;
}
function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  const aObject = a;
  const bObject = b;
  const keys = /* @__PURE__ */ new Set([...Object.keys(aObject), ...Object.keys(bObject)]);
  return [...keys].every((key) => deepEqual(aObject[key] ?? null, bObject[key] ?? null));
}
function samePod(a, b) {
  return deepEqual(a.metadata, b.metadata) && deepEqual(a.spec, b.spec);
}
function subjects(failure, pod) {
  return new Set(failure.paths.map((path10) => containerOfPath(pod, path10) ?? ""));
}
function isPreexisting(failure, head, base) {
  if (!base) return false;
  const was = new Set(base.failures.filter((f) => f.check === failure.check).flatMap((f) => [...subjects(f, base.pod)]));
  return was.size > 0 && [...subjects(failure, head)].every((subject2) => was.has(subject2));
}
function kyvernoPreexisting(placed2, pod, base, namespaces) {
  const rule = placed2.kyvernoRule;
  if (!rule || !base) return false;
  if (placed2.mode === "enforce" && rule.allowExistingViolations === false) return false;
  const [verdict] = kyvernoVerdicts(base, [rule], namespaces);
  return isPreexisting(placed2.failure, pod.pod, { pod: base.pod, failures: verdict?.failures ?? [] });
}
function pspDiffFindings(files, head, base, context) {
  const lines = new Map(files.map((file) => [file.path, diffLines2(file.hunks)]));
  return changedPspFindings(head, base, context.extraChecks ?? defaultExtraChecks, deepEqual).map(({ finding, status }) => ({
    ...finding,
    status,
    preexisting: false,
    locations: finding.locations.map((location) => ({ ...location, inDiff: lines.get(finding.file)?.has(location.line) ?? false }))
  }));
}
function sameRule(a, b) {
  const settings = (rule) => JSON.stringify({ ...rule, file: null, line: null, path: null });
  return settings(a) === settings(b);
}
var noSubject2 = { file: "", namespace: null, kind: "", name: "", workloadAnnotations: {}, templateAnnotations: null, runtimeClassName: null, images: [] };
function matchNamespaceMoves(heads, unmatchedBase, matches2) {
  const byName = /* @__PURE__ */ new Map();
  for (const pods of unmatchedBase.values()) {
    for (const pod of pods) {
      const key = `${pod.kind}\0${pod.name}`;
      byName.set(key, [...byName.get(key) ?? [], pod]);
    }
  }
  for (const headPods of heads.values()) {
    for (const pod of headPods.values()) {
      if (matches2.has(pod)) continue;
      const candidates = byName.get(`${pod.kind}\0${pod.name}`) ?? [];
      const index = Math.max(0, candidates.findIndex((c) => c.document.file === pod.document.file));
      const [moved] = candidates.splice(index, 1);
      if (moved && moved.namespace !== pod.namespace) matches2.set(pod, moved);
      else if (moved) candidates.splice(index, 0, moved);
    }
  }
}
function judge(pod, base, context, baseContext, rule) {
  const head = resolveFor(pod, context);
  const before = base ? resolveFor(base, baseContext) : resolveFor(pod, baseContext, { ...subjectFromPodSpec(pod), workloadAnnotations: {}, templateAnnotations: null });
  const review = reviewOptOuts(head.optOuts, base ? before.optOuts : [], rule);
  const movedAway = base !== null && (base.namespace !== pod.namespace || base.document.file !== pod.document.file || base.name !== pod.name);
  return {
    policy: stricterPolicy(before, head, review.optOuts),
    base: before,
    changed: base !== null && !samePolicy(before, head),
    moved: movedAway ? relaxationsOf(resolveFor(base, context), head) : [],
    addedOptOuts: review.added.map((added) => ({ path: annotationPath(pod, added.optOut.place, optOutAnnotations.ignore), checks: added.checks })),
    exemptRuntimeClass: base !== null && !movedAway && head.exemption?.kind === "runtimeClass" && before.exemption === null ? head.exemption.message : null
  };
}
function evaluateChangeSet(changeSet, options) {
  const load = options.load ?? defaultLoadOptions;
  const selection = options.selection ?? defaultSelection;
  const files = changeSet.files.filter((file) => file.rendered === true || selectsFile(selection, file));
  const errors = [];
  const heads = /* @__PURE__ */ new Map();
  const bases = /* @__PURE__ */ new Map();
  const headDocuments = [...options.headNamespaceDocuments ?? []];
  const changedHead = [];
  const changedBase = [];
  for (const file of files) {
    const basePath = file.previousPath ?? file.path;
    const base = loadPods(basePath, file.base, load);
    bases.set(file, keyed(base.pods));
    changedBase.push(...base.documents);
    if (file.status === "removed") continue;
    const head = loadPods(file.path, file.head, load);
    errors.push(...head.problems);
    headDocuments.push(...head.documents);
    changedHead.push(...head.documents);
    heads.set(file, keyed(head.pods));
  }
  const relabelled = /* @__PURE__ */ new Set();
  const changedPaths = new Set(files.flatMap((file) => [file.path, file.previousPath ?? file.path]));
  for (const file of options.relabelledFiles ?? []) {
    if (changedPaths.has(file.path) || file.head.kind !== "content") continue;
    const pods = loadPods(file.path, file.head, load).pods;
    heads.set(file, keyed(pods));
    bases.set(file, keyed(pods));
    relabelled.add(file);
  }
  const repository = repositoryPolicy(headDocuments, options.policy);
  const context = repository.context;
  const unchangedDocuments = (options.headNamespaceDocuments ?? []).filter((document) => !changedPaths.has(document.file));
  const baseContext = repositoryPolicy([...unchangedDocuments, ...changedBase], options.policy).context;
  const headKyverno = context.cluster?.kyverno ?? [];
  const labelsOf2 = (c, name) => JSON.stringify(c.namespaces.byName.get(name)?.manifest.labels ?? null);
  const relabelledAny = [.../* @__PURE__ */ new Set([...context.namespaces.byName.keys(), ...baseContext.namespaces.byName.keys()])].some((name) => labelsOf2(context, name) !== labelsOf2(baseContext, name));
  const baseKyverno = (baseContext.cluster?.kyverno ?? []).filter((b) => relabelledAny || !headKyverno.some((h) => sameRule(h, b))).map((rule) => ({ ...rule, atBase: true }));
  const judging = baseKyverno.length > 0 ? { ...context, kyvernoAtBase: { rules: baseKyverno, namespaces: baseContext.namespaces } } : context;
  const rules = changeRules(options.policy.config, options.policy.overrides);
  const linesByFile = new Map(files.map((file) => [file.path, diffLines2(file.hunks)]));
  const linesOf2 = (path10) => linesByFile.get(path10);
  const matches2 = /* @__PURE__ */ new Map();
  const unmatchedBase = /* @__PURE__ */ new Map();
  for (const [file, headPods] of heads) {
    const basePods = bases.get(file) ?? /* @__PURE__ */ new Map();
    for (const [key, pod] of headPods) {
      const base = basePods.get(key);
      if (base) {
        matches2.set(pod, base);
        basePods.delete(key);
      }
    }
  }
  for (const basePods of bases.values()) {
    for (const [key, pod] of basePods) unmatchedBase.set(key, [...unmatchedBase.get(key) ?? [], pod]);
  }
  for (const headPods of heads.values()) {
    for (const [key, pod] of headPods) {
      if (matches2.has(pod)) continue;
      const candidates = unmatchedBase.get(key);
      const moved = candidates?.shift();
      if (moved) matches2.set(pod, moved);
    }
  }
  matchNamespaceMoves(heads, unmatchedBase, matches2);
  const findings = [];
  const ignored = [];
  const policyProblems = [];
  const podSpecs = [];
  const relaxations = [];
  let unchanged = 0;
  for (const [file, headPods] of heads) {
    const lines = diffLines2(file.hunks);
    const evaluations = [];
    const fileFindings = [];
    for (const pod of headPods.values()) {
      const base = matches2.get(pod) ?? null;
      const judged = judge(pod, base, context, baseContext, rules.optOuts);
      if (relabelled.has(file)) {
        if (samePolicy(judged.policy, judged.base)) continue;
      } else if (base && samePod(base.pod, pod.pod) && base.namespace === pod.namespace && !judged.changed) {
        unchanged++;
        continue;
      }
      const status = base ? "modified" : "new";
      const policy = judged.policy;
      const evaluated = evaluatePodSpec(pod, judging, policy);
      const relaxed = workloadRelaxation({ pod, base, basePolicy: judged.base, moved: judged.moved, addedOptOuts: judged.addedOptOuts, exemptRuntimeClass: judged.exemptRuntimeClass, status }, rules.policyChanges, linesOf2);
      if (relaxed) relaxations.push(relaxed);
      const baseOutcome = base ? evaluatePolicy(base.pod, judged.changed ? judged.base : policy) : null;
      const baseFailures = baseOutcome ? [baseOutcome.evaluations.enforce, baseOutcome.evaluations.warn, baseOutcome.evaluations.audit, baseOutcome.evaluations.preview].flatMap((e) => e?.failures ?? []) : [];
      const baseBlocking = judged.changed && baseOutcome ? baseOutcome.evaluations.enforce.failures : baseFailures;
      podSpecs.push({ ...evaluated.verdict, status, previousFile: base && base.document.file !== file.path ? base.document.file : null });
      policyProblems.push(...evaluated.problems);
      ignored.push(...evaluated.ignored);
      const placed2 = [...evaluated.outcome.blocking, ...evaluated.outcome.warning, ...evaluated.outcome.preview];
      evaluations.push(evaluated);
      fileFindings.push(
        evaluated.findings.map((finding, index) => ({
          ...finding,
          status,
          preexisting: placed2[index].kyvernoRule ? kyvernoPreexisting(placed2[index], pod, base, placed2[index].kyvernoRule.atBase ? baseContext.namespaces : context.namespaces) : isPreexisting(placed2[index].failure, pod.pod, base ? { pod: base.pod, failures: finding.blocking ? baseBlocking : baseFailures } : null),
          locations: finding.locations.map((location) => ({ ...location, inDiff: lines.has(location.line) }))
        }))
      );
    }
    const advice = evaluations.map((e) => {
      const status = matches2.has(e.source) ? "modified" : "new";
      return adviceFindings(e.source, context.extraChecks ?? defaultExtraChecks).map((finding) => ({ ...finding, status, preexisting: false, locations: finding.locations.map((l) => ({ ...l, inDiff: lines.has(l.line) })) }));
    });
    const headText = file.head.kind === "content" ? textOf(file.head.data) : null;
    const fixed2 = options.fixes ? fixFindings(file.path, headText, evaluations, fileFindings, lines, void 0, advice) : { findings: fileFindings, advice };
    findings.push(...fixed2.findings.flat().filter((finding) => !(options.onlyNewViolations && finding.preexisting)));
    findings.push(...fixed2.advice.flat());
  }
  findings.push(...pspDiffFindings(files, changedHead, changedBase, context));
  const defaultsUnder = (c) => resolvePolicy({ subject: noSubject2, config: options.policy.config, overrides: options.policy.overrides, today: options.policy.today, admission: c.cluster?.admission ?? null });
  const defaults2 = defaultsUnder(context);
  const documents = { base: changedBase, head: changedHead };
  findings.push(
    ...namespaceRelaxations(baseContext.namespaces, context.namespaces, defaults2, documents, rules.policyChanges, linesOf2),
    ...admissionRelaxations(baseContext.cluster?.admission ?? null, context.cluster?.admission ?? null, { base: defaultsUnder(baseContext), head: defaults2 }, rules.policyChanges, linesOf2),
    ...kyvernoRelaxations(baseContext.cluster?.kyverno ?? [], headKyverno, documents, rules.policyChanges, linesOf2),
    ...kyvernoNamespaceRelaxations(headKyverno, { base: baseContext.namespaces, head: context.namespaces }, documents, rules.policyChanges, linesOf2),
    ...options.configChange ? configRelaxations(options.configChange.base, options.configChange.head, { today: options.policy.today, rule: rules.policyChanges, linesOf: linesOf2, path: options.configChange.path }) : [],
    ...relaxations
  );
  errors.push(...repository.problems);
  return {
    ...repository.notices.length > 0 ? { notices: repository.notices } : {},
    ...context.cluster ? { cluster: context.cluster } : {},
    findings,
    ignored,
    policyProblems,
    errors: sortProblems(errors),
    podSpecs,
    unchangedPodSpecs: unchanged,
    namespacesRead: [...context.namespaces.byName.keys()]
  };
}

// src/render/templateLines.ts
var valuesReference = /\.Values((?:\.[A-Za-z0-9_]+)+)/;
var action = /\{\{-?\s*(.*?)\s*-?\}\}/g;
var usesDot = /^(?:toYaml\s+)?\.(?:\s*\|.*)?$/;
function dotTracker() {
  const scopes = [];
  const current = () => [...scopes].reverse().find((s) => s.rebinds)?.dot ?? null;
  return (body) => {
    let dot = current();
    let used = false;
    for (const match2 of body.matchAll(action)) {
      const words = match2[1];
      const opener = /^(with|range|if|define|block)\b/.exec(words)?.[1];
      if (opener === "with") {
        const key = /^with\s+\$?\.Values((?:\.[A-Za-z0-9_]+)+)$/.exec(words)?.[1];
        scopes.push({ rebinds: true, dot: key === void 0 ? null : key.slice(1).split(".") });
      } else if (opener === "range" || opener === "define" || opener === "block") scopes.push({ rebinds: true, dot: null });
      else if (opener === "if") scopes.push({ rebinds: false, dot: null });
      else if (words === "end") scopes.pop();
      else if (!used && usesDot.test(words)) {
        dot = current();
        used = true;
      }
      if (!used) dot = current();
    }
    return dot;
  };
}
function linesOf(text3) {
  const dotOf = dotTracker();
  return text3.split("\n").map((raw, i) => {
    const indent = raw.length - raw.trimStart().length;
    let body = raw.trimStart();
    const item = /^-(\s|$)/.test(body);
    let itemIndent = indent;
    if (item) {
      const after = body.slice(1);
      itemIndent = indent + 1 + (after.length - after.trimStart().length);
      body = after.trimStart();
    }
    const transparent = body === "" || body.startsWith("#") || /^(\{\{.*?\}\}\s*)+$/.test(body);
    return { number: i + 1, indent: item ? itemIndent : indent, body, item: item && !transparent, transparent: transparent && !item, dot: dotOf(body) };
  });
}
function keyOf(line) {
  const match2 = /^("[^"]*"|'[^']*'|[^\s:#{][^:#]*?)\s*:(?:\s+(.*))?$/.exec(line.body);
  if (!match2) return null;
  const key = match2[1].replace(/^["']|["']$/g, "");
  return { key, value: (match2[2] ?? "").trim() };
}
function valuesPathIn(text3, dot) {
  const match2 = valuesReference.exec(text3);
  if (match2) return match2[1].slice(1).split(".");
  if (dot === null) return null;
  for (const used of text3.matchAll(action)) if (usesDot.test(used[1])) return [...dot];
  return null;
}
function blockEnd(lines, from, indent, isItem) {
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.transparent) continue;
    if (line.indent > indent || !isItem && line.item && line.indent - 2 >= indent && line.indent - 2 <= indent) continue;
    if (isItem && line.indent >= indent && !line.item) continue;
    break;
  }
  return i;
}
function valuesInBlock(lines, from, to) {
  const own2 = lines.slice(from, to).find((line) => !line.transparent)?.indent ?? Number.POSITIVE_INFINITY;
  for (let i = from; i < to; i++) {
    const path10 = valuesPathIn(lines[i].body, lines[i].dot);
    if (path10 !== null && lines[i].indent <= own2 && /toYaml|\btpl\b|\binclude\b/.test(lines[i].body)) return path10;
  }
  return null;
}
function walk3(lines, from, to, path10, depth, rendered, parentLine) {
  if (depth === path10.length) return { line: parentLine, depth, values: null };
  const segment = path10[depth];
  let best = { line: parentLine, depth, values: null };
  const consider = (w) => {
    if (w.depth > best.depth || w.values !== null && best.values === null && w.depth === best.depth) best = w;
  };
  if (typeof segment === "number") {
    const items = [];
    let itemIndent = -1;
    for (let i = from; i < to; i++) {
      const line = lines[i];
      if (!line.item) continue;
      if (itemIndent < 0) itemIndent = line.indent;
      if (line.indent === itemIndent) items.push(i);
    }
    const item = Array.isArray(rendered) ? rendered[segment] : void 0;
    const name = typeof item === "object" && item !== null && !Array.isArray(item) && typeof item.name === "string" ? item.name : null;
    const byName = name === null ? -1 : items.findIndex((i) => lines.slice(i, blockEnd(lines, i + 1, lines[i].indent, true)).some((l) => new RegExp(`^name:\\s*["']?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']?\\s*$`).test(l.body)));
    const chosen = items.length === 1 ? 0 : byName >= 0 ? byName : segment < items.length ? segment : -1;
    if (chosen < 0) return best;
    const at3 = items[chosen];
    const end = blockEnd(lines, at3 + 1, lines[at3].indent, true);
    consider(walk3(lines, at3, end, path10, depth + 1, item, lines[at3].number));
    return best;
  }
  let indent = -1;
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (line.transparent) continue;
    if (indent < 0) indent = line.indent;
    if (line.indent !== indent) continue;
    const key = keyOf(line);
    if (key === null || key.key !== segment) continue;
    const child = typeof rendered === "object" && rendered !== null && !Array.isArray(rendered) ? rendered[segment] : void 0;
    const end = blockEnd(lines, i + 1, line.indent, false);
    if (depth === path10.length - 1 || key.value !== "") {
      const values = valuesPathIn(key.value, line.dot) ?? (depth === path10.length - 1 && key.value === "" ? valuesInBlock(lines, i + 1, end) : null);
      consider({ line: line.number, depth: depth + 1, values: values === null ? null : { key: values, from: depth + 1 } });
      if (depth === path10.length - 1) continue;
    }
    const deeper = walk3(lines, i + 1, end, path10, depth + 1, child, line.number);
    if (deeper.depth === depth + 1 && deeper.values === null) {
      const values = valuesInBlock(lines, i + 1, end);
      if (values !== null) consider({ line: line.number, depth: depth + 1, values: { key: values, from: depth + 1 } });
    }
    consider(deeper);
  }
  return best;
}
function findInTemplate(text3, path10, rendered) {
  const lines = linesOf(text3);
  const found = walk3(lines, 0, lines.length, path10, 0, rendered, 1);
  return { line: found.line, exact: found.depth === path10.length, values: found.values };
}

// src/render/walk.ts
var isObject2 = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function sameValue2(a, b) {
  return a !== void 0 && b !== void 0 && JSON.stringify(a) === JSON.stringify(b);
}
function translatePath(rendered, source, path10, keepIndexes, anyValue = false) {
  const out = [];
  let r = rendered;
  let s = source;
  for (const segment of path10) {
    if (typeof segment === "number") {
      if (!Array.isArray(r) || !Array.isArray(s)) return null;
      const item = r[segment];
      let index = keepIndexes ? segment : -1;
      if (isObject2(item) && typeof item.name === "string") index = s.findIndex((x) => isObject2(x) && x.name === item.name);
      if (index < 0 || index >= s.length) return null;
      out.push(index);
      r = item;
      s = s[index];
    } else {
      if (!isObject2(s) || !(segment in s)) return null;
      out.push(segment);
      r = isObject2(r) ? r[segment] : void 0;
      s = s[segment];
    }
  }
  return anyValue || sameValue2(r, s) ? out : null;
}

// src/render/helmMap.ts
function sourceComments(text3) {
  const starts = [];
  text3.split("\n").forEach((line, i) => {
    const match2 = /^# Source: [^/]+\/(.+?)\s*$/.exec(line);
    if (match2) starts.push({ line: i + 1, path: match2[1] });
  });
  return (line) => {
    let found = null;
    for (const start of starts) {
      if (start.line > line) break;
      found = start.path;
    }
    return found;
  };
}
function helmLocator(sources) {
  const prefix2 = sources.chartDir === "" ? "" : `${sources.chartDir}/`;
  const values = sources.valuesFiles.flatMap((file) => {
    const text3 = sources.texts.get(file);
    const document = text3 === void 0 ? void 0 : loadManifestFile(file, text3).documents[0];
    return document ? [{ file, document }] : [];
  });
  return (template, path10, rendered) => {
    const file = `${prefix2}${template}`;
    const text3 = sources.texts.get(file);
    if (text3 === void 0) return { template: null, values: null };
    const hit = findInTemplate(text3, path10, rendered);
    const templateHit = hit.exact ? { file, line: hit.line, column: 1 } : null;
    if (hit.values === null) return { template: templateHit, values: null };
    const { key, from } = hit.values;
    const renderedPart = valueAt2(rendered, path10.slice(0, from));
    for (const { file: valuesFile, document } of [...values].reverse()) {
      const part = valueAt2(document.value, key);
      if (part === void 0 || renderedPart === void 0) continue;
      const inside = translatePath(renderedPart, part, path10.slice(from), true);
      if (inside === null) continue;
      const where2 = locate(document.source, [...key, ...inside]);
      if (where2.exact) return { template: templateHit, values: { file: valuesFile, line: where2.line, column: where2.column } };
    }
    return { template: templateHit, values: null };
  };
}

// src/render/kustomizeMap.ts
var isObject3 = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function nameMatches(rendered, written, chain) {
  for (let levels2 = 0; levels2 <= chain.length; levels2++) {
    const applied = chain.slice(0, levels2);
    const prefix2 = applied.map((k) => k.namePrefix).join("");
    const suffix = applied.map((k) => k.nameSuffix).reverse().join("");
    if (rendered === `${prefix2}${written}${suffix}`) return true;
  }
  return false;
}
function candidatesOf(rootDir, kustomizations) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const visit5 = (dir, above) => {
    const k = kustomizations.get(dir);
    if (!k || seen.has(dir)) return;
    seen.add(dir);
    const chain = [...above, k];
    for (const patch of [...k.patches].reverse()) {
      if (patch.path !== null) out.push({ file: patch.path, role: "patch", patch, inline: null, chain });
      else if (patch.inline !== null) out.push({ file: k.file, role: "patch", patch, inline: patch.inline, chain });
    }
    for (const child of [...k.kustomizations].reverse()) visit5(child, chain);
    for (const file of [...k.resourceFiles].reverse()) out.push({ file, role: "resource", patch: null, inline: null, chain });
  };
  visit5(rootDir, []);
  return out;
}
function pointerTokens(pointer) {
  return pointer.split("/").slice(1).map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
}
function inOperations(document, object, path10, anyValue) {
  const operations = document.value;
  if (!Array.isArray(operations)) return null;
  for (let i = operations.length - 1; i >= 0; i--) {
    const op = operations[i];
    if (!isObject3(op) || op.op !== "add" && op.op !== "replace" || typeof op.path !== "string" || !("value" in op)) continue;
    const tokens = pointerTokens(op.path);
    if (tokens.length > path10.length) continue;
    const prefixMatches = tokens.every((token, t) => token === String(path10[t]) || token === "-" && t === tokens.length - 1 && typeof path10[t] === "number");
    if (!prefixMatches) continue;
    const rest = path10.slice(tokens.length);
    const inside = translatePath(valueAt2(object.value, path10.slice(0, tokens.length)) ?? null, op.value ?? null, rest, true, anyValue);
    if (inside !== null) return [i, "value", ...inside];
  }
  return null;
}
function inlineHit(file, inline, where2, fileLines, patchLines) {
  if (inline.firstLine === null) return { file, line: inline.entryLine, column: 1, exact: false };
  const line = inline.firstLine + where2.line - 1;
  const indent = (fileLines[line - 1] ?? "").length - (patchLines[where2.line - 1] ?? "").length;
  return { file, line, column: where2.column + Math.max(0, indent) };
}
function kustomizeLocator(sources) {
  const kustomizations = /* @__PURE__ */ new Map();
  for (const [file, text3] of sources.texts) {
    if (!/(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(file)) continue;
    const k = readKustomization(file, text3, sources.paths);
    kustomizations.set(k.dir, k);
  }
  const candidates = candidatesOf(sources.rootDir, kustomizations);
  const loaded = /* @__PURE__ */ new Map();
  const documentsOf = (candidate) => {
    const key = candidate.inline ?? candidate.file;
    let documents = loaded.get(key);
    if (documents === void 0) {
      const text3 = candidate.inline?.text ?? sources.texts.get(candidate.file);
      documents = text3 === void 0 ? [] : loadManifestFile(candidate.file, text3).documents;
      loaded.set(key, documents);
    }
    return documents;
  };
  const split = /* @__PURE__ */ new Map();
  const linesOf2 = (text3) => {
    let lines = split.get(text3);
    if (lines === void 0) split.set(text3, lines = text3.split("\n"));
    return lines;
  };
  return (object, path10, anyValue = false) => {
    for (const candidate of candidates) {
      const target = candidate.patch?.target ?? null;
      if (target !== null && (target.kind !== null && target.kind !== object.kind || target.name !== null && !nameMatches(object.name, target.name, candidate.chain))) continue;
      for (const document of documentsOf(candidate)) {
        let found;
        if (Array.isArray(document.value)) {
          if (target === null) continue;
          found = inOperations(document, object, path10, anyValue);
        } else {
          const value = document.value;
          if (!isObject3(value)) continue;
          const metadata = value.metadata;
          const name = isObject3(metadata) && typeof metadata.name === "string" ? metadata.name : null;
          const sameObject = target !== null || value.kind === object.kind && name !== null && nameMatches(object.name, name, candidate.chain);
          if (!sameObject) continue;
          found = translatePath(object.value, value, path10, candidate.role === "resource", anyValue);
        }
        if (found === null) continue;
        const where2 = locate(document.source, found);
        if (!where2.exact) continue;
        if (candidate.inline === null) return { file: candidate.file, line: where2.line, column: where2.column };
        return inlineHit(candidate.file, candidate.inline, where2, linesOf2(sources.texts.get(candidate.file) ?? ""), linesOf2(candidate.inline.text));
      }
    }
    return null;
  };
}

// src/render/mapReport.ts
var isObject4 = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function indexRendering(path10, rendering, headPaths, changed) {
  const { root, sources } = rendering.rendered;
  const documents = loadManifestFile(path10, rendering.text, { maxBytes: Number.MAX_SAFE_INTEGER }).documents;
  let place;
  if (root.tool === "kustomize") {
    const locator = kustomizeLocator({ rootDir: root.dir, texts: sources, paths: headPaths });
    place = (document, fieldPath, _renderedLine, ancestor) => {
      const value = document.value;
      const metadata = isObject4(value) ? value.metadata : void 0;
      const name = isObject4(metadata) && typeof metadata.name === "string" ? metadata.name : "";
      const kind = isObject4(value) && typeof value.kind === "string" ? value.kind : "";
      const hit = locator({ kind, name, value }, fieldPath, ancestor);
      return hit === null ? null : { ...hit, exact: hit.exact !== false };
    };
  } else {
    const prefix2 = root.dir === "" ? "" : `${root.dir}/`;
    const locator = helmLocator({ chartDir: root.dir, valuesFiles: [`${prefix2}values.yaml`, ...root.helm?.valuesFiles ?? []], texts: sources });
    const templateOf = sourceComments(rendering.text);
    place = (document, fieldPath, renderedLine) => {
      const template = templateOf(renderedLine);
      if (template === null) return null;
      const hits = locator(template, fieldPath, document.value);
      const chosen = hits.values !== null && (changed === null || changed.has(hits.values.file)) ? hits.values : hits.template ?? hits.values;
      return chosen === null ? null : { ...chosen, exact: true };
    };
  }
  return { rendering, documents, lines: rendering.text.split("\n"), place };
}
function presentPart(value, path10) {
  let at3 = value;
  let length = 0;
  for (const segment of path10) {
    if (typeof segment === "number" ? !Array.isArray(at3) || segment >= at3.length : !isObject4(at3) || !(segment in at3)) break;
    at3 = typeof segment === "number" ? at3[segment] : at3[segment];
    length++;
  }
  return path10.slice(0, length);
}
function documentAt(documents, line) {
  let low = 0;
  let high = documents.length - 1;
  let found;
  while (low <= high) {
    const middle = low + high >> 1;
    if (documents[middle].line <= line) {
      found = documents[middle];
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
function snippetAt(lines, line) {
  return lines.slice(Math.max(0, line - 3), line + 2).join("\n");
}
function sameKeyLine(replacement, renderedLine) {
  const key = /^(\s*(?:-\s+)?[^\s:#][^:#]*:)\s/.exec(renderedLine)?.[1];
  if (key === void 0) return null;
  return replacement.split("\n").find((line) => line.startsWith(key) && line.length > key.length) ?? null;
}
function literalEdit(renderedReplacement, sourceLine) {
  const replacement = renderedReplacement.replace(/\n$/, "");
  if (replacement.includes("\n")) return null;
  const newValue = /^\s*(?:-\s+)?[^\s:#][^:#]*:\s+([^\s#{[|>&*!][^#]*?)\s*$/.exec(replacement)?.[1];
  const source = /^(\s*(?:-\s+)?[^\s:#][^:#]*:\s+)([^\s#{[|>&*!][^#]*?)(\s+#.*)?\s*$/.exec(sourceLine);
  if (newValue === void 0 || source === null || source[2].includes("{{")) return null;
  return `${source[1]}${newValue}${source[3] ?? ""}`;
}
function mapRenderedReport(report, renderings, changeSet, headPaths) {
  const changed = changeSet === null ? null : new Set(changeSet.files.map((f) => f.path));
  const hunks = new Map((changeSet?.files ?? []).map((f) => [f.path, f.hunks]));
  const diffs = /* @__PURE__ */ new Map();
  const linesIn = (file) => {
    let lines = diffs.get(file);
    if (lines === void 0) {
      lines = diffLines2(hunks.get(file) ?? null);
      diffs.set(file, lines);
    }
    return lines;
  };
  const indexes = /* @__PURE__ */ new Map();
  const indexOf = (path10) => {
    const rendering = renderings.get(path10);
    if (rendering === void 0) return null;
    let index = indexes.get(path10);
    if (index === void 0) {
      index = indexRendering(path10, rendering, headPaths, changed);
      indexes.set(path10, index);
    }
    return index;
  };
  const sources = /* @__PURE__ */ new Map();
  for (const { rendered } of renderings.values()) for (const [path10, text3] of rendered.sources) sources.set(path10, text3);
  const candidates = [];
  const mapFinding = (finding, index) => {
    const { root } = index.rendering.rendered;
    const fallback = { file: root.file, line: 1, column: 1, exact: false };
    const placed2 = finding.locations.map((location) => {
      const document = documentAt(index.documents, location.line);
      const path10 = document === void 0 ? [] : location.exact ? parseFieldPath(location.path) : presentPart(document.value, parseFieldPath(location.path));
      const hit = document !== void 0 && path10.length > 0 ? index.place(document, path10, location.line, !location.exact) : null;
      return { location, at: hit ?? fallback };
    });
    const primary = placed2.find((p) => p.at.exact && p.location.exact) ?? placed2.find((p) => p.at.exact) ?? placed2[0] ?? { location: null, at: fallback };
    const locations = placed2.filter((p) => p.at.file === primary.at.file).map((p) => ({ ...p.location, line: p.at.line, column: p.at.column, exact: p.location.exact && p.at.exact, inDiff: linesIn(p.at.file).has(p.at.line) }));
    const renderedLine = primary.location?.line ?? finding.line;
    const origin = {
      tool: root.tool,
      root: root.dir === "" ? "." : root.dir,
      ...root.label !== shownDir(root.dir) ? { label: root.label } : {},
      sourceFile: primary.at.file,
      sourceLine: primary.at.line,
      exact: primary.at.exact,
      snippet: primary.at.exact ? null : snippetAt(index.lines, renderedLine)
    };
    const mapped = { ...finding, file: primary.at.file, line: primary.at.line, locations, rendered: origin };
    return { mapped, primary: primary.at, literal: primary.at.exact && primary.location?.exact === true, renderedLine };
  };
  const findings = report.findings.map((finding, i) => {
    const index = indexOf(finding.file);
    if (index === null) return finding;
    const { mapped, primary, literal: literal2, renderedLine } = mapFinding(finding, index);
    const fix = finding.fix;
    if (fix === null) return mapped;
    const sourceLine = literal2 ? sources.get(primary.file)?.split("\n")[primary.line - 1] : void 0;
    const fixedLine = fix.replacement !== null && fix.startLine <= renderedLine && renderedLine <= fix.endLine ? sameKeyLine(fix.replacement, index.lines[renderedLine - 1] ?? "") : null;
    const newLine = fixedLine !== null && sourceLine !== void 0 ? literalEdit(fixedLine, sourceLine) : null;
    if (newLine !== null && newLine !== sourceLine) {
      candidates.push({ finding: i, rendering: index.rendering, file: primary.file, line: primary.line, newLine, caveat: finding.fixNote });
    }
    const example = `The rendered manifest would be fixed by this change (an example: edit the ${index.rendering.rendered.root.tool === "helm" ? "template or values" : "patch or resource"} that writes it):
\`\`\`yaml
${fix.replacement}\`\`\``;
    return { ...mapped, fix: null, fixNote: example };
  });
  const ignored = report.ignored.map((finding) => {
    const index = indexOf(finding.file);
    if (index === null) return finding;
    const located = finding.locations.map((l) => ({ ...l, inDiff: false }));
    const { mapped } = mapFinding({ ...finding, locations: located }, index);
    return { ...finding, file: mapped.file, line: mapped.line, locations: finding.locations.map((l, k) => ({ ...l, line: mapped.locations[k]?.line ?? mapped.line })), rendered: mapped.rendered };
  });
  const rootFile = (file) => renderings.get(file)?.rendered.root.file ?? file;
  return {
    report: {
      ...report,
      findings,
      ignored,
      policyProblems: report.policyProblems.map((p) => renderings.has(p.file) ? { ...p, file: rootFile(p.file), line: 1 } : p),
      podSpecs: report.podSpecs.map((p) => renderings.has(p.file) ? { ...p, file: rootFile(p.file), line: 1 } : p),
      errors: report.errors.map((e) => {
        const rendering = renderings.get(e.file);
        return rendering ? { ...e, file: rendering.rendered.root.file, line: null, message: `the rendering of ${rendering.rendered.root.label}: ${e.message}` } : e;
      })
    },
    candidates,
    sources,
    inDiff: (file, line) => linesIn(file).has(line)
  };
}

// src/render/namespace.ts
var isObject5 = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function editOf(document, lines, namespace) {
  const value = document.value;
  if (!isObject5(value) || typeof value.apiVersion !== "string" || typeof value.kind !== "string") return null;
  if (findWorkloadKind(value.apiVersion, value.kind) === void 0) return null;
  const metadata = value.metadata;
  if (!isObject5(metadata)) return null;
  const written = JSON.stringify(namespace);
  if ("namespace" in metadata) {
    if (metadata.namespace !== null && metadata.namespace !== "") return null;
    const at4 = locate(document.source, ["metadata", "namespace"]);
    const line2 = lines[at4.line - 1];
    if (!at4.exact || line2 === void 0) return null;
    const empty = /^(\s*(?:"namespace"|'namespace'|namespace)\s*:)\s*(?:""|''|null|Null|NULL|~)?\s*(#.*)?$/.exec(line2);
    if (empty === null) return null;
    return { line: at4.line, apply: (all) => void (all[at4.line - 1] = `${empty[1]} ${written}${empty[2] === void 0 ? "" : ` ${empty[2]}`}`) };
  }
  const first = Object.keys(metadata)[0];
  if (first === void 0) return null;
  const at3 = locate(document.source, ["metadata", first]);
  const line = lines[at3.line - 1];
  if (!at3.exact || line === void 0) return null;
  const before = line.slice(0, at3.column - 1);
  if (/^\s*$/.test(before)) {
    return { line: at3.line, apply: (all) => void all.splice(at3.line - 1, 0, `${before}namespace: ${written}`) };
  }
  if (/[{,]\s*$/.test(before)) {
    return { line: at3.line, apply: (all) => void (all[at3.line - 1] = `${before}"namespace": ${written}, ${line.slice(at3.column - 1)}`) };
  }
  return null;
}
function placeInNamespace(text3, namespace) {
  const { documents } = loadManifestFile("rendered.yaml", text3, { maxBytes: Number.MAX_SAFE_INTEGER });
  const lines = text3.split("\n");
  const edits = documents.map((document) => editOf(document, lines, namespace)).filter((edit) => edit !== null);
  if (edits.length === 0) return text3;
  for (const edit of edits.sort((a, b) => b.line - a.line)) edit.apply(lines);
  return lines.join("\n");
}

// src/render/verify.ts
var objectKey = (f) => `${f.kind}\0${f.namespace ?? ""}\0${f.name}`;
function failingChecks(text3, policy) {
  const report = evaluateFiles([{ path: "rendered.yaml", content: text3 }], { policy });
  const checks2 = /* @__PURE__ */ new Map();
  for (const f of report.findings) {
    const key = objectKey(f);
    checks2.set(key, (checks2.get(key) ?? /* @__PURE__ */ new Set()).add(f.check));
  }
  return checks2;
}
function replaceLine(text3, line, newLine) {
  const lines = text3.split("\n");
  lines[line - 1] = newLine;
  return lines.join("\n");
}
async function verifySuggestions(mapped, port, policy) {
  const findings = [...mapped.report.findings];
  const outcomes = /* @__PURE__ */ new Map();
  const before = /* @__PURE__ */ new Map();
  const verify = (candidate) => {
    const key = `${candidate.rendering.rendered.root.label}\0${candidate.file}\0${candidate.line}\0${candidate.newLine}`;
    let outcome = outcomes.get(key);
    if (outcome === void 0) {
      const text3 = mapped.sources.get(candidate.file);
      outcome = text3 === void 0 ? Promise.resolve(null) : port.renderEdited(candidate.rendering.rendered.root, /* @__PURE__ */ new Map([[candidate.file, replaceLine(text3, candidate.line, candidate.newLine)]])).then((output) => output.kind === "rendered" ? failingChecks(output.text, policy) : null);
      outcomes.set(key, outcome);
    }
    return outcome;
  };
  for (const candidate of mapped.candidates) {
    const finding = findings[candidate.finding];
    const after = await verify(candidate);
    if (after === null) continue;
    const label2 = candidate.rendering.rendered.root.label;
    if (!before.has(label2)) before.set(label2, failingChecks(candidate.rendering.text, policy));
    const was = before.get(label2).get(objectKey(finding)) ?? /* @__PURE__ */ new Set();
    const now = after.get(objectKey(finding)) ?? /* @__PURE__ */ new Set();
    if (now.has(finding.check) || [...now].some((check) => !was.has(check))) continue;
    findings[candidate.finding] = {
      ...finding,
      fix: { startLine: candidate.line, endLine: candidate.line, replacement: `${candidate.newLine}
`, attachable: mapped.inDiff(candidate.file, candidate.line) },
      fixNote: candidate.caveat
    };
  }
  return { ...mapped.report, findings };
}

// src/render/stage.ts
function problemOf(rendered) {
  const { root, head } = rendered;
  if (root.blocked !== null) return { file: root.file, line: null, kind: "not-rendered", message: `${root.label} not rendered: ${root.blocked}` };
  if (head.kind === "missing-tool") return { file: root.file, line: null, kind: "not-rendered", message: `${root.label} not rendered: ${head.tool} not found` };
  if (head.kind === "failed") return { file: root.file, line: null, kind: "render-failed", message: `${root.label} could not be rendered: ${head.message}` };
  return null;
}
function placed(root, output) {
  return root.helm !== null && output.kind === "rendered" ? { kind: "rendered", text: placeInNamespace(output.text, root.helm.namespace) } : output;
}
function placingPort(port) {
  return {
    head: port.head,
    base: port.base,
    render: async (roots) => (await port.render(roots)).map((r) => ({ ...r, base: placed(r.root, r.base), head: placed(r.root, r.head) })),
    renderEdited: async (root, edits) => placed(root, await port.renderEdited(root, edits))
  };
}
function planRenderedChangeSet(changeSet, consumed, rendered) {
  const plain2 = changeSet.files.filter((file) => !consumed.has(file.path) && !(file.previousPath !== void 0 && consumed.has(file.previousPath)));
  const renderings = /* @__PURE__ */ new Map();
  const problems = [];
  const files = [];
  rendered.forEach((r, i) => {
    const problem = problemOf(r);
    if (problem !== null) return void problems.push(problem);
    if (r.head.kind !== "rendered") return;
    if (r.base.kind === "failed") {
      problems.push({ file: r.root.file, line: null, kind: "base-not-rendered", message: `${r.root.label} could not be rendered at the base commit, so every pod spec it renders is judged as new: ${r.base.message}` });
    }
    const path10 = `${r.root.file}#rendering-${i + 1}`;
    renderings.set(path10, { rendered: r, text: r.head.text });
    files.push({
      path: path10,
      status: r.base.kind === "rendered" ? "modified" : "added",
      // A base that is absent or did not render: every head pod spec is new.
      base: r.base.kind === "rendered" ? { kind: "content", data: r.base.text } : { kind: "absent" },
      head: { kind: "content", data: r.head.text },
      hunks: null,
      rendered: true
    });
  });
  return { changeSet: { ...changeSet, files: [...plain2, ...files] }, renderings, problems };
}
function withoutRepeats(findings) {
  const seen = /* @__PURE__ */ new Set();
  return findings.filter((finding) => {
    if (finding.rendered === void 0) return true;
    const key = JSON.stringify({ ...finding, rendered: { ...finding.rendered, label: void 0 } });
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function truncationProblem(changeSet, port) {
  const sides = [port.base?.truncated === true ? "base" : null, port.head.truncated === true ? "head" : null].filter((side) => side !== null);
  if (sides.length === 0) return null;
  const atHead = [...changeSet.files.filter((f) => f.status !== "removed").map((f) => f.path), ...changeSet.unselectedPaths ?? []];
  const unlisted = port.head.truncated === true ? [...new Set(atHead)].filter((path10) => !port.head.paths.has(path10)).sort() : [];
  const shown4 = unlisted.slice(0, 5).map((path10) => `\`${path10}\``);
  const names = unlisted.length === 0 ? "" : `; changed files not in the listing: ${shown4.join(", ")}${unlisted.length > shown4.length ? ` and ${unlisted.length - shown4.length} more` : ""}`;
  const trees = sides.length === 2 ? "the base and head commits' trees" : `the ${sides[0]} commit's tree`;
  return {
    file: "(charts and overlays GitHub did not list)",
    line: null,
    kind: "not-rendered",
    message: `GitHub listed ${trees} only in part (its git trees API truncates past 100,000 entries or 7 MB), so Helm charts and Kustomize overlays in the part it left out were not discovered or rendered, and those it listed may have rendered without some of their files${names}. \`pod-security-review diff\` on a clone renders them all.`
  };
}
async function evaluateWithRendering(changeSet, options, tools) {
  if (tools === null) return evaluateChangeSet(changeSet, options);
  const port = placingPort(tools);
  const changed = [...changeSet.files.flatMap((f) => f.previousPath !== void 0 ? [f.path, f.previousPath] : [f.path]), ...changeSet.unselectedPaths ?? []];
  const discovery = discoverRoots(port.head, port.base, changed, options.render);
  const selection = options.selection ?? defaultSelection;
  const roots = discovery.roots.filter((root) => selectsPath(selection, root.file));
  const rendered = await port.render(roots);
  const plan = planRenderedChangeSet(changeSet, discovery.consumed, rendered);
  const report = evaluateChangeSet(plan.changeSet, options);
  const mapped = mapRenderedReport(report, plan.renderings, changeSet, port.head.paths);
  const verified = options.fixes ? await verifySuggestions(mapped, port, options.policy) : mapped.report;
  const truncated = truncationProblem(changeSet, port);
  return { ...verified, findings: withoutRepeats(verified.findings), ignored: withoutRepeats(verified.ignored), errors: [...verified.errors, ...plan.problems, ...truncated ? [truncated] : []].sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)) };
}
async function checkRenderings(tools, options) {
  const port = placingPort(tools);
  const discovery = discoverRoots(port.head, null, port.head.paths, options.render);
  const rendered = await port.render(discovery.roots);
  const plan = planRenderedChangeSet({ files: [] }, discovery.consumed, rendered);
  const report = evaluateChangeSet(plan.changeSet, options);
  const mapped = mapRenderedReport(report, plan.renderings, null, port.head.paths);
  const verified = options.fixes ? await verifySuggestions(mapped, port, options.policy) : mapped.report;
  const findings = withoutRepeats(verified.findings.map(({ status: _status, preexisting: _preexisting, locations, ...finding }) => ({ ...finding, locations: locations.map(({ inDiff: _inDiff, ...location }) => location) })));
  const podSpecs = verified.podSpecs.map(({ status: _status, previousFile: _previous, ...verdict }) => verdict);
  const report_ = { ...verified, findings, podSpecs, errors: [...verified.errors, ...plan.problems] };
  delete report_.unchangedPodSpecs;
  return { report: report_, consumed: discovery.consumed };
}

// src/io/checkWorkers.ts
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
var workerTag = "pod-security-review/check-worker";
var defaultChunkBytes = 256 * 1024;
function isCheckWorker() {
  return !isMainThread && workerData?.tag === workerTag;
}
function serveCheckWorker() {
  const setup = workerData;
  const port = parentPort;
  if (port === null) throw new Error("serveCheckWorker outside a worker thread");
  const options = { ...setup.options, policy: setup.context };
  port.on("message", (message) => {
    if ("done" in message) {
      port.close();
      return;
    }
    const results = message.files.map((file) => evaluateFile(file, void 0, setup.context, options));
    port.postMessage({ chunk: message.chunk, results });
  });
}
function chunksOf(files, skip, chunkBytes) {
  const chunks = [];
  let current = [];
  let bytes = 0;
  files.forEach((file, i) => {
    if (skip.has(i)) return;
    current.push(i);
    bytes += contentBytes(file.content);
    if (bytes >= chunkBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
  });
  if (current.length > 0) chunks.push(current);
  return chunks;
}
async function evaluateFilesInWorkers(files, options, parallel, evaluated) {
  const pass = namespacePass(files, options);
  const results = files.map(() => void 0);
  const chunks = chunksOf(files, new Set(pass.early.keys()), parallel.chunkBytes ?? defaultChunkBytes);
  const setup = { tag: workerTag, context: pass.context, options: { load: options.load, fixes: options.fixes } };
  const workers = [];
  const done = new Promise((resolve4, reject) => {
    let next = 0;
    let pending = chunks.length;
    let settled = false;
    const fail = (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    if (pending === 0) resolve4();
    for (let w = 0; w < Math.min(parallel.jobs, chunks.length); w++) {
      const worker = new Worker(parallel.script, { workerData: setup, execArgv: [] });
      workers.push(worker);
      let inHand = 0;
      const feed = () => {
        const indexes = chunks[next];
        if (indexes === void 0) {
          if (inHand === 0) worker.postMessage({ done: true });
          return;
        }
        inHand++;
        worker.postMessage({ chunk: next++, files: indexes.flatMap((i) => files[i] ?? []) });
      };
      worker.on("message", (message) => {
        inHand--;
        chunks[message.chunk]?.forEach((fileIndex, j) => {
          results[fileIndex] = message.results[j];
          const file = files[fileIndex];
          if (file) evaluated?.(file);
        });
        if (--pending === 0 && !settled) {
          settled = true;
          resolve4();
        }
        feed();
      });
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (inHand > 0) fail(new Error(`a check worker stopped (exit status ${code}) before its files were evaluated`));
      });
      feed();
      feed();
    }
  });
  for (const [i, documents] of pass.early) {
    const file = files[i];
    if (file) {
      results[i] = evaluateFile(file, documents, pass.context, options);
      evaluated?.(file);
    }
  }
  try {
    await done;
  } finally {
    for (const worker of workers) void worker.terminate();
  }
  return mergeResults(
    pass,
    results.map((result, i) => {
      if (result === void 0) throw new Error(`no result for ${files[i]?.path ?? i}`);
      return result;
    })
  );
}

// src/cli/colour.ts
var red = (t) => `\x1B[31m${t}\x1B[39m`;
var yellow = (t) => `\x1B[33m${t}\x1B[39m`;
var dim = (t) => `\x1B[2m${t}\x1B[22m`;
var bold = (t) => `\x1B[1m${t}\x1B[22m`;
function colourReport(text3) {
  const lines = text3.replace(/\n$/, "").split("\n");
  return `${lines.map((line, i) => {
    if (i === lines.length - 1) return bold(line);
    if (/^[^\s:][^:]*(:\d+){0,2}: (warning|audit warning|upgrade preview): /.test(line)) return yellow(line);
    if (/^[^\s:][^:]*(:\d+){0,2}: (ignored|note): /.test(line)) return dim(line);
    if (/^[^\s:][^:]*(:\d+){0,2}: /.test(line)) return red(line);
    return line;
  }).join("\n")}
`;
}

// src/cli/progress.ts
var MiB = 1024 * 1024;
function progressLine(total, terminal, verb = "checking", intervalMs = 100) {
  let files = 0;
  let bytes = 0;
  let shown4 = 0;
  let last = -Infinity;
  const mib = (n) => (n / MiB).toFixed(1);
  const draw = () => {
    const percent = total.bytes === 0 ? 100 : Math.floor(bytes / total.bytes * 100);
    let text3 = `${verb} ${files}/${total.files} files, ${mib(bytes)}/${mib(total.bytes)} MiB (${percent}%)\u2026`;
    if (terminal.columns !== void 0 && terminal.columns > 1) text3 = text3.slice(0, terminal.columns - 1);
    terminal.write(`\r${text3}${" ".repeat(Math.max(0, shown4 - text3.length))}`);
    shown4 = text3.length;
    last = terminal.now();
  };
  draw();
  return {
    advance(size) {
      files++;
      bytes += size;
      if (terminal.now() - last >= intervalMs) draw();
    },
    end() {
      terminal.write(`\r${" ".repeat(shown4)}\r`);
      shown4 = 0;
    }
  };
}
var progressFromBytes = 4 * MiB;
function progressFor(files, io, verb) {
  if ((io.stderrTty ?? io.tty) !== true) return null;
  const bytes = files.reduce((n, f) => n + contentBytes(f.content), 0);
  if (bytes < progressFromBytes) return null;
  const terminal = { write: io.stderr, now: io.now ?? (() => performance.now()), ...io.columns === void 0 ? {} : { columns: io.columns } };
  const line = progressLine({ files: files.length, bytes }, terminal, verb);
  return { advance: (file) => line.advance(contentBytes(file.content)), end: () => line.end() };
}

// src/report/json.ts
function findingJson(f) {
  return {
    file: f.file,
    line: f.line,
    apiVersion: f.apiVersion,
    kind: f.kind,
    namespace: f.namespace,
    name: f.name,
    container: f.container,
    containers: f.containers,
    check: f.check,
    reason: f.reason,
    detail: f.detail,
    level: f.level,
    version: f.version,
    mode: f.mode,
    blocking: f.blocking,
    levelSource: f.levelSource,
    ...f.optOutNote !== null ? { optOutNote: f.optOutNote } : {},
    ...f.status !== void 0 ? { status: f.status, preexisting: f.preexisting } : {},
    ...f.fix !== void 0 ? { fix: f.fix, fixNote: f.fixNote ?? null } : {},
    ...f.rendered !== void 0 ? { rendered: { tool: f.rendered.tool, root: f.rendered.root, sourceFile: f.rendered.sourceFile, sourceLine: f.rendered.sourceLine, exact: f.rendered.exact, ...f.rendered.label !== void 0 ? { rendering: f.rendered.label } : {} } } : {},
    locations: f.locations.map((l) => ({
      path: l.path,
      line: l.line,
      column: l.column,
      exact: l.exact,
      container: l.container,
      ...l.inDiff !== void 0 ? { inDiff: l.inDiff } : {}
    }))
  };
}
function renderJson(report, header) {
  const body = {
    policy: header.enforce,
    warnPolicy: header.warn,
    summary: {
      podSpecs: report.podSpecs.length,
      denied: report.podSpecs.filter((p) => !p.allowed).length,
      findings: report.findings.length,
      blocking: report.findings.filter((f) => f.blocking).length,
      ignored: report.ignored.length,
      errors: report.errors.length,
      ...report.unchangedPodSpecs !== void 0 ? { unchanged: report.unchangedPodSpecs } : {}
    },
    findings: report.findings.map(findingJson),
    ignored: report.ignored.map((f) => ({ ...findingJson(f), why: f.why })),
    policyProblems: report.policyProblems,
    errors: report.errors.map((e) => ({ file: e.file, line: e.line, message: e.message, kind: e.kind })),
    podSpecs: report.podSpecs,
    ...report.notices && report.notices.length > 0 ? { notices: report.notices } : {}
  };
  return `${JSON.stringify(body, null, 2)}
`;
}

// src/manifests/types.ts
var warningKinds = /* @__PURE__ */ new Set(["namespace-conflict", "wrong-group", "base-not-rendered"]);
function isWarning(problem) {
  return warningKinds.has(problem.kind);
}
var uncheckedKinds = /* @__PURE__ */ new Set(["template", "not-rendered", "too-large", "binary", "unreadable"]);
function isUnchecked(problem) {
  return uncheckedKinds.has(problem.kind);
}
function failsRun(problem) {
  return !isUnchecked(problem) && !isWarning(problem);
}

// src/report/explanations.ts
var whyItMatters = {
  ...extraWhyItMatters,
  allowPrivilegeEscalation: "A process that can gain more privileges than its parent (setuid binaries, file capabilities) can turn a small compromise into root.",
  appArmorProfile: "Without an AppArmor profile the container runs unconfined, losing a layer that limits what a compromised process can touch.",
  capabilities_baseline: "Extra Linux capabilities hand a container pieces of root (network administration, raw sockets, kernel modules) beyond what ordinary workloads need.",
  capabilities_restricted: "Every capability not dropped is a piece of root the container keeps; restricted pods drop ALL and add back at most NET_BIND_SERVICE.",
  hostNamespaces: "Sharing the node's network, process or IPC namespace lets the pod see and interfere with everything else on the node.",
  hostPathVolumes: "A hostPath volume exposes the node's file system to the pod, a common path to taking over the node.",
  hostPorts: "A hostPort binds directly on the node, bypassing network policy and limiting where the pod can be scheduled.",
  hostProbesAndHostLifecycle: "A probe or lifecycle handler with a host makes the kubelet connect to an address the pod chooses, which can be used to reach other services from the node.",
  privileged: "A privileged container has all capabilities and device access: it is effectively root on the node.",
  procMount: "An unmasked /proc exposes kernel interfaces that are hidden from containers for a reason.",
  procMount_restricted: "An unmasked /proc exposes kernel interfaces that are hidden from containers for a reason, even in a user namespace at the restricted level.",
  restrictedVolumes: "Only volume types that cannot reach node or network storage outside the pod\u2019s control are allowed at the restricted level.",
  runAsNonRoot: "A container that may run as root makes any escape or misconfiguration far more damaging.",
  runAsUser: "Running as UID 0 is running as root, whatever the image says.",
  seLinuxOptions: "Custom SELinux users, roles or types can lift the confinement SELinux gives containers.",
  seccompProfile_baseline: "Without seccomp every system call is open to the container, including the rarely used ones most kernel exploits need.",
  seccompProfile_restricted: "Without seccomp every system call is open to the container, including the rarely used ones most kernel exploits need.",
  sysctls: "Unsafe sysctls change kernel settings shared by every pod on the node.",
  windowsHostProcess: "A Windows HostProcess container runs directly on the node with its privileges."
};
var checkTitles = {
  allowPrivilegeEscalation: { control: "Privilege Escalation", problem: "privilege escalation allowed" },
  appArmorProfile: { control: "AppArmor", problem: "AppArmor profile not allowed" },
  capabilities_baseline: { control: "Capabilities (baseline)", problem: "capabilities beyond the baseline set" },
  capabilities_restricted: { control: "Capabilities (restricted)", problem: "capabilities not dropped" },
  hostNamespaces: { control: "Host Namespaces", problem: "host namespaces" },
  hostPathVolumes: { control: "HostPath Volumes", problem: "hostPath volume" },
  hostPorts: { control: "Host Ports", problem: "host port" },
  hostProbesAndHostLifecycle: { control: "Host Probes / Lifecycle Hooks", problem: "probe or lifecycle hook aimed at another host" },
  privileged: { control: "Privileged Containers", problem: "privileged container" },
  procMount: { control: "/proc Mount Type", problem: "unmasked /proc" },
  procMount_restricted: { control: "/proc Mount Type (restricted)", problem: "unmasked /proc" },
  restrictedVolumes: { control: "Volume Types", problem: "volume type not allowed" },
  runAsNonRoot: { control: "Running as Non-root", problem: "root not ruled out" },
  runAsUser: { control: "Running as Non-root user", problem: "runs as root (UID 0)" },
  seLinuxOptions: { control: "SELinux", problem: "custom SELinux options" },
  seccompProfile_baseline: { control: "Seccomp (baseline)", problem: "unconfined seccomp profile" },
  seccompProfile_restricted: { control: "Seccomp (restricted)", problem: "no seccomp profile" },
  sysctls: { control: "Sysctls", problem: "unsafe sysctls" },
  windowsHostProcess: { control: "HostProcess", problem: "Windows HostProcess container" },
  "psp.removed": { control: "PodSecurityPolicy leftover", problem: "PodSecurityPolicy that nothing enforces" },
  "policy.relaxed": { control: "Policy change", problem: "the pull request relaxes the policy that judges it" },
  "advice.readOnlyRootFilesystem": { control: "Read-only root file system (advice)", problem: "writable root file system" },
  "advice.automountServiceAccountToken": { control: "Service account token (advice)", problem: "service account token mounted" },
  "advice.highUid": { control: "High UID and GID (advice)", problem: "UID or GID at most 10000" },
  "advice.dropNetRaw": { control: "NET_RAW (advice)", problem: "NET_RAW not dropped" },
  "advice.imageDigest": { control: "Image digest (advice)", problem: "image not pinned by digest" },
  "advice.resourceLimits": { control: "Resource limits (advice)", problem: "no CPU or memory limits" }
};
var standardsUrl = "https://kubernetes.io/docs/concepts/security/pod-security-standards/";

// src/report/checkDocs.ts
var readmeUrl = `https://github.com/${actionRepository}`;
var checksSectionUrl = `${readmeUrl}#the-checks`;
var documentedChecks = Object.keys(checkTitles);
var checkAnchor = (check) => check.toLowerCase().replace(/[^a-z0-9_-]/g, "");
var checkDocsUrl = (check) => `${readmeUrl}#${checkAnchor(check)}`;
var upstreamLevel = new Map(allChecks.map((c) => [c.id, c.level]));

// src/report/fingerprint.ts
var encoder = new TextEncoder();
function identityOf(finding) {
  return [finding.file, finding.kind, finding.namespace ?? "", finding.name, finding.containers.join(","), finding.check].join("\0");
}
function base64url(bytes) {
  return Buffer.from(bytes).toString("base64url");
}
function fnv1a64(bytes) {
  let hash = 0xcbf29ce484222325n;
  for (const byte of bytes) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  const out = new Uint8Array(8);
  for (let i = 7; i >= 0; i--) {
    out[i] = Number(hash & 0xffn);
    hash >>= 8n;
  }
  return out;
}
function fingerprint(finding) {
  return base64url(fnv1a64(encoder.encode(identityOf(finding))));
}

// src/report/markdown.ts
function defuse(text3) {
  return text3.replace(/@(?=[A-Za-z0-9])/g, "@\u200B").replace(/#(?=\d)/g, "#\u200B").replace(/\b(GH)-(?=\d)/gi, "$1-\u200B").replaceAll("<!--", "<\u200B!--");
}
function plainText(text3) {
  return defuse(text3).replace(/[\r\n]+/g, " ");
}

// src/report/sarif.ts
var severity = { blocking: "8.0", standard: "5.0", advisory: "3.0" };
function renderSarif(findings, errors, toolVersion) {
  const checks2 = [...new Set(findings.map((f) => f.check))].sort();
  const blockingChecks = new Set(findings.filter((f) => f.blocking).map((f) => f.check));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "pod-security-review",
            version: toolVersion,
            informationUri: standardsUrl,
            rules: checks2.map((id) => sarifRule(id, blockingChecks.has(id)))
          }
        },
        results: findings.map((f) => ({
          ruleId: f.check,
          level: f.blocking ? "error" : "warning",
          message: { text: plainText(`${f.reason} (${f.detail}) in ${f.kind} ${f.name} [${f.level}:${f.version}]${f.rendered ? `, rendered by ${f.rendered.tool} from ${f.rendered.label ?? f.rendered.root}` : ""}`) },
          locations: f.locations.map((l) => ({
            physicalLocation: { artifactLocation: { uri: f.file }, region: { startLine: l.line, startColumn: l.column } }
          })),
          partialFingerprints: { podSecurityReview: fingerprint(f) },
          ...f.rendered ? { properties: { rendered: { tool: f.rendered.tool, root: f.rendered.root, exact: f.rendered.exact } } } : {}
        })),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: errors.map((e) => ({
              level: isUnchecked(e) ? "note" : "warning",
              message: { text: plainText(e.message) },
              locations: [{ physicalLocation: { artifactLocation: { uri: e.file }, ...e.line === null ? {} : { region: { startLine: e.line } } } }]
            }))
          }
        ]
      }
    ]
  };
  return `${JSON.stringify(sarif, null, 2)}
`;
}
function sarifRule(id, blocking) {
  const { control, problem } = checkTitles[id];
  const advisory = id.startsWith("advice.") || id === "psp.removed" || id === "policy.relaxed";
  const helpUri = checkDocsUrl(id);
  const why = whyItMatters[id];
  return {
    id,
    name: control,
    shortDescription: { text: `${control}: ${problem}` },
    fullDescription: { text: why },
    help: {
      text: `${why} See ${helpUri}`,
      markdown: `**${control}** (\`${id}\`): ${problem}.

${why}

[Read more](${helpUri})`
    },
    helpUri,
    defaultConfiguration: { level: blocking ? "error" : "warning" },
    properties: {
      tags: advisory ? ["security", "kubernetes"] : ["security", "kubernetes", "pod-security-standards"],
      "security-severity": blocking ? severity.blocking : advisory ? severity.advisory : severity.standard
    }
  };
}

// src/report/text.ts
function subject(f) {
  const ns = f.namespace === null ? "" : `${f.namespace}/`;
  return `${f.kind} ${ns}${f.name === "" ? "(unnamed)" : f.name}`;
}
function label(f) {
  if (f.blocking) return "error: ";
  return f.mode === "audit" ? "audit warning: " : f.mode === "preview" ? "upgrade preview: " : "warning: ";
}
function position(f) {
  const first = f.locations[0];
  const column = f.rendered === void 0 && first !== void 0 && first.line === f.line ? `:${first.column}` : "";
  return `${f.file}:${f.line}${column}`;
}
function findingLine(f) {
  const change = f.status === void 0 ? "" : ` (${f.status}${f.preexisting ? ", already failing before" : ""})`;
  const level3 = f.mode === "enforce" && !["namespace-label", "config-rule", "kyverno", "admission-config"].includes(f.levelSource.kind) ? "" : ` at ${f.level}:${f.version} (${f.levelSource.detail})`;
  const rendered = f.rendered === void 0 ? "" : ` (rendered by ${f.rendered.tool} from ${f.rendered.label ?? f.rendered.root}${f.rendered.exact ? "" : ", no source line writes it"})`;
  return `${position(f)}: ${label(f)}${subject(f)}${change}: ${f.reason} (${f.detail}) [${f.check}]${level3}${rendered}`;
}
var count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
function renderText(report, header) {
  const lines = [];
  for (const f of report.findings) lines.push(findingLine(f));
  for (const f of report.ignored) lines.push(`${position(f)}: ignored: ${subject(f)}: ${f.reason} [${f.check}]: ${f.why.join("; ")}`);
  for (const p of report.policyProblems) lines.push(`${p.file}:${p.line}: warning: ${subject(p)}: ${p.message}`);
  for (const n of report.notices ?? []) lines.push(`${n.file}:${n.line}: note: ${n.message}`);
  for (const e of report.errors) lines.push(`${e.file}${e.line === null ? "" : `:${e.line}`}: ${isWarning(e) ? "warning" : "error"}: ${e.message}`);
  const blocking = report.findings.filter((f) => f.blocking).length;
  const denied = report.podSpecs.filter((p) => !p.allowed).length;
  const parts = [
    `${header.enforce} (warn ${header.warn}): ${count(report.podSpecs.length, "pod spec", "pod specs")} checked, ${denied} violating`,
    `(${count(blocking, "blocking finding", "blocking findings")}, ${count(report.findings.length - blocking, "warning", "warnings")}` + (report.ignored.length > 0 ? `, ${report.ignored.length} ignored` : "") + ")"
  ];
  let summary = parts.join(" ");
  if (report.errors.length > 0) summary += `, ${count(report.errors.length, "file problem", "file problems")}`;
  if (report.unchangedPodSpecs !== void 0) summary += `; ${count(report.unchangedPodSpecs, "unchanged pod spec", "unchanged pod specs")} not checked`;
  lines.push(summary);
  return `${lines.join("\n")}
`;
}

// src/cli/reportFormat.ts
function renderReport(format, report, header) {
  switch (format) {
    case "json":
      return renderJson(report, header);
    case "sarif":
      return renderSarif(report.findings, report.errors, version);
    case "text":
      return renderText(report, header);
  }
}

// src/cli/options.ts
import { existsSync, readFileSync } from "node:fs";
import path6 from "node:path";

// src/findings/unchecked.ts
var uncheckedPolicies = ["neutral", "failure", "success"];
var defaultUnchecked = "neutral";
function problemsVerdict(problems, unchecked) {
  if (problems.some(failsRun)) return "failure";
  return problems.some(isUnchecked) ? unchecked : "success";
}

// src/io/files.ts
import { readdir as readdir2, readFile as readFile2, readlink, realpath, stat as stat2 } from "node:fs/promises";
import path5 from "node:path";
var manifestExtensions = /* @__PURE__ */ new Set([".yaml", ".yml", ".json"]);
var skippedDirectories = /* @__PURE__ */ new Set([".git", "node_modules"]);
function displayPath(absolute, cwd) {
  const relative = path5.relative(cwd, absolute);
  const shown4 = relative === "" || relative.startsWith("..") ? absolute : relative;
  return shown4.split(path5.sep).join("/");
}
var isManifestName = (name) => manifestExtensions.has(path5.extname(name).toLowerCase());
function kindOf(info) {
  return info.isFIFO() ? "a FIFO" : info.isSocket() ? "a socket" : info.isCharacterDevice() ? "a character device" : info.isBlockDevice() ? "a block device" : "not a regular file";
}
function refuse(search, file, message) {
  search.problems.push({ file: displayPath(file, search.cwd), line: null, kind: "unreadable", message });
}
async function walk4(directory, search) {
  let entries2;
  try {
    search.searched.add(await realpath(directory));
    entries2 = await readdir2(directory, { withFileTypes: true });
  } catch (error) {
    refuse(search, directory, `cannot read this folder (${error.message}); the files in it were not checked`);
    return;
  }
  entries2.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const entry of entries2) {
    const full = path5.join(directory, entry.name);
    if (entry.isSymbolicLink()) await followLink(full, search);
    else if (entry.isDirectory()) {
      if (!skippedDirectories.has(entry.name)) await walk4(full, search);
    } else if (isManifestName(entry.name)) {
      if (entry.isFile()) search.paths.push(full);
      else refuse(search, full, `is ${kindOf(entry)}, not a file; it was not read`);
    }
  }
}
async function followLink(link, search) {
  const name = path5.basename(link);
  let target;
  let resolved2;
  let info;
  try {
    target = await readlink(link);
    resolved2 = await realpath(link);
    info = await stat2(resolved2);
  } catch (error) {
    if (isManifestName(name)) refuse(search, link, `is a symbolic link that cannot be followed (${error.message}); it was not checked`);
    return;
  }
  if (!info.isDirectory() && !isManifestName(name)) return;
  if (!search.roots.some((root) => resolved2 === root || resolved2.startsWith(`${root}${path5.sep}`))) {
    refuse(search, link, `is a symbolic link to ${target}, outside the folders given; it was not followed`);
    return;
  }
  if (info.isDirectory()) {
    if (!skippedDirectories.has(name) && !search.searched.has(resolved2)) await walk4(link, search);
  } else if (info.isFile()) search.paths.push(link);
  else refuse(search, link, `is a link to ${kindOf(info)}, not a file; it was not read`);
}
async function collectFiles(args, cwd, maxBytes) {
  const search = { cwd, roots: [], searched: /* @__PURE__ */ new Set(), paths: [], problems: [] };
  const folders = [];
  for (const arg of args) {
    const absolute = path5.resolve(cwd, arg);
    let info;
    try {
      info = await stat2(absolute);
    } catch {
      return { missing: arg };
    }
    if (info.isDirectory()) {
      folders.push(absolute);
      search.roots.push(await realpath(absolute));
    } else search.paths.push(absolute);
  }
  for (const folder of folders) await walk4(folder, search);
  const files = [];
  const problems = search.problems;
  const seen = /* @__PURE__ */ new Set();
  for (const absolute of search.paths) {
    const shown4 = displayPath(absolute, cwd);
    try {
      const real = await realpath(absolute);
      if (seen.has(real)) continue;
      seen.add(real);
      const info = await stat2(real);
      if (!info.isFile()) {
        problems.push({ file: shown4, line: null, kind: "unreadable", message: `is ${kindOf(info)}, not a file; it was not read` });
        continue;
      }
      const size = info.size;
      if (size > maxBytes) {
        problems.push({ file: shown4, line: null, kind: "too-large", message: `file is ${size} bytes, over the limit of ${maxBytes} bytes; it was not checked` });
        continue;
      }
      files.push({ path: shown4, content: await readFile2(absolute) });
    } catch (error) {
      problems.push({ file: shown4, line: null, kind: "unreadable", message: `cannot read: ${error.message}` });
    }
  }
  return { files, problems };
}

// src/cli/suggest.ts
function editDistance2(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
function closest2(given, candidates) {
  const lower = given.toLowerCase();
  let best = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const distance = c.startsWith(lower) && lower.length >= 3 ? 0.5 : editDistance2(lower, c);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== null && bestDistance <= Math.min(3, Math.max(1, Math.floor(best.length / 3))) ? best : null;
}
function didYouMean(given, candidates) {
  const match2 = closest2(given, candidates);
  return match2 === null || match2 === given ? "" : ` (did you mean ${match2}?)`;
}
function suggestLevel(given) {
  return didYouMean(given, levels);
}
function suggestVersion(given) {
  const numbers = /^[vV]?1[.,](\d+)$/.exec(given.trim());
  if (numbers) return ` (did you mean v1.${numbers[1]}?)`;
  return didYouMean(given, ["latest"]);
}

// src/cli/options.ts
var UsageError = class extends Error {
};
function colours(io) {
  return io.tty === true && (io.env?.NO_COLOR ?? "") === "";
}
var policyOptions = {
  level: { type: "string" },
  "warn-level": { type: "string" },
  "policy-version": { type: "string" },
  // The old spelling of --policy-version; `--version` alone prints the tool's version (see normalizeArgs).
  version: { type: "string" },
  "warn-version": { type: "string" },
  "preview-version": { type: "string" },
  config: { type: "string" },
  "namespace-labels": { type: "string" },
  strict: { type: "boolean" },
  // --strict=false, as normalizeArgs spells it for parseArgs.
  "no-strict": { type: "boolean" },
  unchecked: { type: "string", default: defaultUnchecked },
  "policy-sources": { type: "string" },
  "admission-config": { type: "string" },
  format: { type: "string", default: "text" },
  "max-file-size": { type: "string", default: String(defaultLoadOptions.maxBytes) },
  help: { type: "boolean", short: "h" }
};
var policyOptionsHelp = `  --level L            enforced level, its violations fail: baseline, restricted or privileged [default: baseline]
  --warn-level L       level whose extra violations are reported, never failing [default: restricted]
  --policy-version V   policy version of both: latest or v1.N (v1.0 \u2026 v1.37) [default: latest]
                       (--version V, the old spelling, still works)
  --warn-version V     version of the warn level [default: --policy-version]
  --preview-version V  also report what would start failing at this version (an upgrade preview)
  --config PATH        policy config file [default: ${defaultConfigPath}, if it exists]
  --namespace-labels B true or false: judge workloads by the pod-security labels of Namespace manifests [default: true]
  --strict[=true|false] do not honour pod-security-review/ignore annotations
  --unchecked U        a file not checked (template, too large, binary, unreadable) with nothing
                       else failing: neutral or success exit 0, failure exits 1 [default: neutral]
  --policy-sources S   which policies to read, comma-separated: config, namespace-labels,
                       kyverno, admission-config [default: all of them]
  --admission-config P the file with the cluster's PodSecurityConfiguration [default: the
                       first one among the manifests read]
  --format F           text, json or sarif (SARIF 2.1.0, for code scanning) [default: text]
  --max-file-size N    skip files larger than N bytes [default: ${defaultLoadOptions.maxBytes}]
  -h, --help           show this help`;
function level(flag, text3) {
  if (text3 === void 0) return void 0;
  const parsed2 = parseLevel(text3);
  if (!parsed2.ok) throw new UsageError(`${flag} ${JSON.stringify(text3)}: ${parsed2.error}${suggestLevel(text3)}`);
  return parsed2.value;
}
function version2(flag, text3) {
  if (text3 === void 0) return void 0;
  const parsed2 = parseVersion(text3);
  if (!parsed2.ok) throw new UsageError(`${flag} ${JSON.stringify(text3)}: ${parsed2.error}${suggestVersion(text3)}`);
  return parsed2.value;
}
function policyVersion(values) {
  if (values["policy-version"] !== void 0 && values.version !== void 0) throw new UsageError("--policy-version and --version: give one (--version V is the old spelling of --policy-version)");
  return values["policy-version"] !== void 0 ? version2("--policy-version", values["policy-version"]) : version2("--version", values.version);
}
function normalizeArgs(args) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      out.push(...args.slice(i));
      break;
    }
    if (arg === "--version" && (args[i + 1] === void 0 || args[i + 1].startsWith("-"))) return null;
    const strict = /^--strict=(.*)$/.exec(arg);
    if (strict) {
      if (strict[1] !== "true" && strict[1] !== "false") throw new UsageError(`--strict=${strict[1]}: must be true or false`);
      out.push(strict[1] === "true" ? "--strict" : "--no-strict");
      continue;
    }
    out.push(arg);
  }
  return out;
}
function defined(record) {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== void 0));
}
function readPolicyOptions(values) {
  const labels = values["namespace-labels"];
  if (labels !== void 0 && labels !== "true" && labels !== "false") {
    throw new UsageError(`--namespace-labels ${JSON.stringify(labels)}: must be one of true, false`);
  }
  if (values.format !== "text" && values.format !== "json" && values.format !== "sarif") {
    throw new UsageError(`--format ${JSON.stringify(values.format)}: must be one of text, json, sarif`);
  }
  if (!uncheckedPolicies.includes(values.unchecked)) {
    throw new UsageError(`--unchecked ${JSON.stringify(values.unchecked)}: must be one of ${uncheckedPolicies.join(", ")}`);
  }
  const maxBytes = Number(values["max-file-size"]);
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new UsageError("--max-file-size: must be a positive number of bytes");
  const overrides = defined({
    level: level("--level", values.level),
    warnLevel: level("--warn-level", values["warn-level"]),
    version: policyVersion(values),
    warnVersion: version2("--warn-version", values["warn-version"]),
    previewVersion: version2("--preview-version", values["preview-version"]),
    namespaceLabels: labels === void 0 ? void 0 : labels === "true",
    strict: values["no-strict"] ? false : values.strict
  });
  let sources;
  if (values["policy-sources"] !== void 0) {
    const parsed2 = parsePolicySources(values["policy-sources"]);
    if (!parsed2.ok) throw new UsageError(`--policy-sources ${JSON.stringify(values["policy-sources"])}: ${parsed2.error}`);
    sources = parsed2.value;
  }
  const admissionConfigPath = values["admission-config"];
  const sourceOptions = defined({ sources, admissionConfigPath });
  return { overrides, configPath: values.config, sourceOptions, format: values.format, maxBytes, unchecked: values.unchecked };
}
function loadPolicyConfig(cwd, explicit) {
  const file = explicit ?? defaultConfigPath;
  const absolute = path6.resolve(cwd, file);
  if (!existsSync(absolute)) {
    if (explicit !== void 0) throw new UsageError(`--config ${explicit}: no such file`);
    return defaultPolicyConfig;
  }
  return parseConfigFile(readFileSync(absolute, "utf8"), file);
}
function parseConfigFile(text3, file, where2 = "") {
  const parsed2 = parsePolicyConfig(text3, file.split(path6.sep).join("/"));
  if (!parsed2.ok) throw new UsageError(`invalid policy config${where2}:
${parsed2.errors.map(formatConfigError).join("\n")}`);
  return parsed2.config;
}
function today() {
  return (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
}
function contextFor(io, options, allAdvice = false, config) {
  config ??= reads(options.sourceOptions, "config") ? loadPolicyConfig(io.cwd, options.configPath) : defaultPolicyConfig;
  const extraChecks = extraChecksFor(config.advice, allAdvice);
  return policyContext(today(), { config, overrides: options.overrides, sourceOptions: options.sourceOptions, extraChecks });
}
function failureStatus(report, unchecked) {
  return report.findings.some((f) => f.blocking) || problemsVerdict(report.errors, unchecked) === "failure" ? 1 : 0;
}
function emptyInputStatus(command, files, podSpecs, problems, allowEmpty, io) {
  if (podSpecs > 0 || problems > 0) return null;
  const what = files === 0 ? "no manifest found (*.yaml, *.yml, *.json)" : `no pod spec found in ${files} ${files === 1 ? "file" : "files"}`;
  io.stderr(`pod-security-review ${command}: ${what}${allowEmpty ? "" : "; pass --allow-empty if that is expected"}
`);
  return allowEmpty ? null : 1;
}
async function filesOfPaths(positionals, io, maxBytes, verb) {
  if (positionals.length === 0) throw new UsageError(`no PATH given: name the manifest files or folders to ${verb}`);
  const collected = await collectFiles(positionals, io.cwd, maxBytes);
  if ("missing" in collected) throw new UsageError(`${collected.missing}: no such file or directory`);
  return collected;
}

// src/cli/check.ts
var MiB2 = 1024 * 1024;
var parallelFromBytes = 16 * MiB2;
var fixesCostFactor = 3;
var checkUsage = `Usage: pod-security-review check [options] PATH...

Evaluate the pod specs in Kubernetes manifests (files, or folders searched for
*.yaml, *.yml and *.json) against the Pod Security Standards, with the
verdicts of the Pod Security Admission controller. Namespace manifests among
them set their workloads' levels, as in the cluster.

Options:
${policyOptionsHelp}
  --advice             also run the hardening advice checks (advice.*: readOnlyRootFilesystem,
                       automountServiceAccountToken, highUid, dropNetRaw, imageDigest,
                       resourceLimits), never blocking unless the config's advice.blocking says
  --jobs N             worker threads that parse and evaluate files [default: one per
                       core from ${parallelFromBytes / MiB2} MiB of input (about ${(parallelFromBytes / MiB2 / fixesCostFactor).toFixed(1)} MiB with --format json),
                       else none]
  --render MODE        auto: render the Kustomize overlays and Helm charts found under
                       the paths (kustomize or kubectl, helm, from PATH) and check what
                       they render, on the source lines; off: read every file as a
                       plain manifest [default: auto]
  --allow-empty        exit 0 when no manifest or no pod spec is found (else 1)

Exit status: 0 nothing blocks, 1 a blocking violation, a malformed or invalid
file, or (with --unchecked failure) a file not checked, 2 usage or config error.
`;
function parseJobs(given) {
  if (given === void 0) return void 0;
  const jobs = Number(given);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError("--jobs: must be a whole number of worker threads, 1 or more (1: no workers)");
  return jobs === 1 ? 0 : jobs;
}
function jobsFor(requested, files, fixes, io) {
  const cores = io.cores ?? availableParallelism();
  if (requested !== void 0) return requested;
  const bytes = files.reduce((n, f) => n + contentBytes(f.content), 0);
  return defaultJobs(bytes, fixes, cores);
}
function mergeReports(plain2, rendered, problems) {
  return {
    ...plain2,
    findings: [...plain2.findings, ...rendered.findings],
    ignored: [...plain2.ignored, ...rendered.ignored],
    policyProblems: [...plain2.policyProblems, ...rendered.policyProblems],
    podSpecs: [...plain2.podSpecs, ...rendered.podSpecs],
    errors: sortProblems([...problems, ...plain2.errors, ...rendered.errors])
  };
}
function defaultJobs(bytes, fixes, cores) {
  return cores > 1 && bytes * (fixes ? fixesCostFactor : 1) >= parallelFromBytes ? cores : 0;
}
async function checkCommand(args, io) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...policyOptions, jobs: { type: "string" }, render: { type: "string", default: "auto" }, "allow-empty": { type: "boolean", default: false }, advice: { type: "boolean" } }
  });
  if (values.help) {
    io.stdout(checkUsage);
    return 0;
  }
  if (values.render !== "auto" && values.render !== "off") throw new UsageError(`--render ${JSON.stringify(values.render)}: must be one of auto, off`);
  const requestedJobs = parseJobs(values.jobs);
  let options = readPolicyOptions(values);
  const collected = await filesOfPaths(positionals, io, options.maxBytes, "check");
  const admissionPath = options.sourceOptions.admissionConfigPath;
  if (admissionPath !== void 0 && admissionPath !== null) {
    const admission = await filesOfPaths([admissionPath], io, options.maxBytes, "read");
    const shown4 = admission.files[0]?.path ?? admissionPath;
    if (!collected.files.some((f) => f.path === shown4)) collected.files.push(...admission.files);
    options = { ...options, sourceOptions: { ...options.sourceOptions, admissionConfigPath: shown4 } };
  }
  const policy = contextFor(io, options, values.advice === true);
  const checkOptions = { policy, load: { maxBytes: options.maxBytes }, fixes: options.format === "json" };
  const port = values.render === "auto" ? await openRenderer({ reader: fsTreeReader(io.cwd, positionals, options.maxBytes), base: null, head: "" }) : null;
  const rendered = port ? await checkRenderings(port, { ...checkOptions, ...policy.config.render ? { render: policy.config.render } : {} }) : null;
  const files = rendered ? collected.files.filter((f) => !rendered.consumed.has(f.path)) : collected.files;
  const jobs = jobsFor(requestedJobs, files, checkOptions.fixes, io);
  const progress = progressFor(files, io);
  const advance = progress?.advance;
  const evaluated = jobs > 0 && io.workerScript ? await evaluateFilesInWorkers(files, checkOptions, { jobs, script: io.workerScript }, advance) : evaluateFiles(files, checkOptions, advance);
  progress?.end();
  const report = rendered ? mergeReports(evaluated, rendered.report, collected.problems) : { ...evaluated, errors: [...collected.problems, ...evaluated.errors] };
  const header = defaultPolicies(policy, report.cluster);
  const output = renderReport(options.format, report, header);
  io.stdout(options.format === "text" && colours(io) ? colourReport(output) : output);
  notComputedNotice(report, io);
  const status = failureStatus(report, options.unchecked);
  return emptyInputStatus("check", collected.files.length, report.podSpecs.length, report.errors.length, values["allow-empty"], io) ?? status;
}
function notComputedNotice(report, io) {
  const skipped2 = report.findings.filter((f) => f.fixNote?.startsWith(notComputedLead) === true);
  if (skipped2.length === 0) return;
  const files = new Set(skipped2.map((f) => f.file));
  io.stderr(
    `pod-security-review: the fixes of ${skipped2.length} finding${skipped2.length === 1 ? "" : "s"} in ${files.size} file${files.size === 1 ? "" : "s"} were not computed (the fix work budget ran out; every finding is reported); \`pod-security-review fix\` computes them
`
  );
}

// src/cli/diff.ts
import path7 from "node:path";
import { parseArgs as parseArgs2 } from "node:util";

// src/git/files.ts
import { posix, sep as sep2 } from "node:path";
async function readFileAt(repository, commit, path10) {
  try {
    return (await git(repository, ["cat-file", "blob", `${commit}:${path10}`])).toString("utf8");
  } catch (error) {
    if (error instanceof GitError) return null;
    throw error;
  }
}
async function repositoryPath(repository, relative) {
  const prefix2 = (await git(repository, ["rev-parse", "--show-prefix"])).toString("utf8").trim();
  return posix.normalize(posix.join(prefix2, relative.split(sep2).join("/")));
}

// src/git/namespaceWorkloads.ts
var dnsLabel = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
async function grep(repository, commit, pattern) {
  try {
    const listing = (await git(repository, ["grep", "-l", "-z", "-E", pattern, commit, "--", "*.yaml", "*.yml", "*.json"])).toString("utf8");
    return listing.split("\0").filter((e) => e !== "").map((entry) => entry.slice(commit.length + 1));
  } catch (error) {
    if (error instanceof GitError && error.exitCode === 1) return [];
    throw error;
  }
}
async function readNamespaceFiles(repository, commit, request) {
  const names = request.namespaces.filter((n) => dnsLabel.test(n));
  if (names.length === 0) return { files: [], omitted: [] };
  const pattern = `namespace["']?[[:space:]]*:[[:space:]]*["']?(${names.join("|")})["']?([[:space:],}]|$)`;
  const paths = (await grep(repository, commit, pattern)).filter((p) => !request.skip.has(p) && selectsPath(request.selection, p)).sort();
  const wanted = paths.slice(0, request.maxFiles);
  const omitted = paths.slice(request.maxFiles).map((path10) => ({ path: path10, reason: `over the limit of ${request.maxFiles} files read for relabelled namespaces` }));
  if (wanted.length === 0) return { files: [], omitted };
  const entries2 = (await git(repository, ["ls-tree", "-z", "--full-tree", commit, "--", ...wanted])).toString("utf8").split("\0").filter((e) => e !== "");
  const blobs = /* @__PURE__ */ new Map();
  for (const entry of entries2) {
    const [meta = "", path10 = ""] = entry.split("	");
    const [mode = "", , sha = ""] = meta.split(" ");
    if (mode.startsWith("100")) blobs.set(path10, sha);
  }
  const contents = await readBlobs(repository, [...blobs.values()], request.maxBytes);
  const files = [];
  for (const [path10, sha] of blobs) {
    const content = contents.get(sha);
    if (content?.kind !== "content") {
      omitted.push({ path: path10, reason: content?.kind === "unavailable" ? content.reason : "could not be read" });
      continue;
    }
    files.push({ path: path10, status: "modified", base: content, head: content, hunks: [] });
  }
  return { files, omitted };
}
var relabelledFilesCap = 500;

// src/scope/configChange.ts
var text2 = (content) => content.kind === "content" ? textOf(content.data) : null;
function fileChange(changeSet, path10) {
  const now = changeSet.files.find((f) => f.path === path10 && f.status !== "removed");
  const before = changeSet.files.find((f) => (f.previousPath ?? f.path) === path10 && f.status !== "added");
  if (!now && !before) return changeSet.unselectedPaths?.includes(path10) ? { kind: "unread" } : { kind: "unchanged" };
  const base = before ? text2(before.base) : null;
  const head = now ? text2(now.head) : before?.status === "copied" ? base : null;
  return base === head ? { kind: "unchanged" } : { kind: "changed", base, head };
}

// src/scope/relabelled.ts
var noSubject3 = { file: "", namespace: null, kind: "", name: "", workloadAnnotations: {}, templateAnnotations: null, runtimeClassName: null, images: [] };
var mentionsNamespace = /kind["']?\s*:\s*["']?Namespace\b/;
function namespaceDocuments(path10, content, load) {
  if (content.kind !== "content") return [];
  const text3 = textOf(content.data);
  if (text3 === null || !mentionsNamespace.test(text3)) return [];
  return [...loadManifestFile(path10, text3, load).documents];
}
function sameLabels2(a, b) {
  const keys = /* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}
function relabelledNamespaces(changeSet, options) {
  if (!reads(options.policy.sourceOptions ?? {}, "namespace-labels")) return [];
  const load = options.load ?? defaultLoadOptions;
  const files = changeSet.files.filter((file) => file.rendered !== true && selectsFile(options.selection ?? defaultSelection, file));
  const base = namespaceIndexOf(files.flatMap((file) => namespaceDocuments(file.previousPath ?? file.path, file.base, load)), options.policy).index;
  const head = namespaceIndexOf(files.flatMap((file) => namespaceDocuments(file.path, file.head, load)), options.policy).index;
  const names = /* @__PURE__ */ new Set([...base.byName.keys(), ...head.byName.keys()]);
  const run = resolvePolicy({ subject: noSubject3, config: options.policy.config, overrides: options.policy.overrides, today: options.policy.today });
  const defaults2 = { enforce: run.enforce, warn: run.warn, audit: { level: "privileged", version: "latest" } };
  const stricter2 = (name) => {
    const [was, is] = [base, head].map((index) => policyToEvaluate(index.byName.get(name)?.podSecurityLabels ?? {}, defaults2).policy);
    return ["enforce", "warn", "audit"].some((mode) => isLaxer(was[mode], is[mode]));
  };
  return [...names].filter((name) => !sameLabels2(base.byName.get(name)?.podSecurityLabels ?? {}, head.byName.get(name)?.podSecurityLabels ?? {}) && stricter2(name)).sort();
}

// src/io/render/git.ts
async function gitRenderPort(repository, base, head, maxBytes) {
  return openRenderer({ reader: gitTreeReader(repository, maxBytes), base, head });
}

// src/git/namespaces.ts
async function readNamespaceDocuments(repository, commit, maxBytes) {
  let listing;
  try {
    listing = (await git(repository, ["grep", "-l", "-z", "-E", 'kind:[[:space:]]*"?(Namespace|PodSecurityConfiguration|ClusterPolicy|Policy)"?', commit, "--", "*.yaml", "*.yml", "*.json"])).toString("utf8");
  } catch (error) {
    if (error instanceof GitError && error.exitCode === 1) return [];
    throw error;
  }
  const documents = [];
  for (const entry of listing.split("\0").filter((e) => e !== "")) {
    const file = entry.slice(commit.length + 1);
    const content = await git(repository, ["cat-file", "blob", entry]);
    if (content.length > maxBytes) continue;
    documents.push(...loadManifestFile(file, content, { maxBytes }).documents);
  }
  return documents;
}

// src/cli/diff.ts
var diffUsage = `Usage: pod-security-review diff --base REF [options]

Evaluate only the pod specs that the commits from REF to --head introduced or
modified (like \`git diff REF...HEAD\`: from their merge base), in the git
repository of the working directory. The policy config file is read at REF, as
the Action reads it at the base commit: a change to it takes effect once merged.

Options:
  --base REF              the base branch or commit (required)
  --head REF              the head commit [default: HEAD]
  --only-new-violations   report only violations the change introduced
  --include GLOB          files to look at (repeatable) [default: **/*.yaml, **/*.yml, **/*.json]
  --exclude GLOB          files to skip (repeatable)
  --opt-outs R            which pod-security-review/ignore annotations count: base-only (those at
                          REF; one the change adds is a policy change), any, none [default: base-only]
  --policy-changes P      a change that relaxes the policy judging it (label lowered, opt-out added,
                          workload moved somewhere more lenient): block or warn [default: block]
  --render MODE           auto: render the Kustomize overlays and Helm charts the range
                          affects (kustomize or kubectl, helm, from PATH) at both
                          commits and review what the rendering changed; off: read
                          every file as a plain manifest [default: auto]
${policyOptionsHelp}

Exit status: 0 nothing blocks, 1 a blocking violation, a malformed or invalid
file, or (with --unchecked failure) a file not checked, 2 usage or config error.
`;
function withChangeRules(policy, optOuts, policyChanges) {
  if (optOuts !== void 0 && !optOutsRules.includes(optOuts)) {
    throw new UsageError(`--opt-outs ${JSON.stringify(optOuts)}: must be one of ${optOutsRules.join(", ")}`);
  }
  if (policyChanges !== void 0 && !policyChangesRules.includes(policyChanges)) {
    throw new UsageError(`--policy-changes ${JSON.stringify(policyChanges)}: must be one of ${policyChangesRules.join(", ")}`);
  }
  const overrides = { ...policy.overrides, ...optOuts ? { optOuts } : {}, ...policyChanges ? { policyChanges } : {} };
  return { ...policy, overrides };
}
async function resolves(repository, ref) {
  try {
    await git(repository, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}
async function gitFailure(repository, base, head, error) {
  const fetchHint = "in GitHub Actions, check out with fetch-depth: 0";
  try {
    await git(repository, ["rev-parse", "--git-dir"]);
  } catch {
    return `${repository} is not in a git repository: run diff inside the repository to review`;
  }
  for (const [flag, ref] of [["--base", base], ["--head", head]]) {
    if (!await resolves(repository, ref)) return `${flag} ${ref}: no such commit here; fetch it (git fetch origin ${ref.replace(/^origin\//, "")}), or ${fetchHint}`;
  }
  let shallow = false;
  try {
    shallow = (await git(repository, ["rev-parse", "--is-shallow-repository"])).toString("utf8").trim() === "true";
  } catch {
  }
  if (shallow) return `no merge base between ${base} and ${head}: the history is shallow; fetch more (git fetch --unshallow), or ${fetchHint}`;
  return `${error.message.split("\n")[0]} (base ${base}, head ${head})`;
}
async function configAtBase(io, explicit, base, changeSet) {
  const file = explicit ?? defaultConfigPath;
  const inRepository = path7.isAbsolute(file) ? path7.relative(io.cwd, file) : file;
  const text3 = await readFileAt(io.cwd, base, `./${inRepository.split(path7.sep).join("/")}`);
  const short = base.slice(0, 12);
  if (text3 === null && explicit !== void 0) throw new UsageError(`--config ${explicit}: not in the base commit ${short} (the config is read there, as the Action does)`);
  const judging = text3 === null ? defaultPolicyConfig : parseConfigFile(text3, file, ` (at the base commit ${short})`);
  const named = await repositoryPath(io.cwd, inRepository);
  const change = fileChange(changeSet, named);
  if (change.kind !== "changed") return { base: judging };
  io.stderr(`pod-security-review diff: ${file} is read at the base commit ${short}; the change to it takes effect once merged
`);
  const parse3 = (version4) => version4 === null ? { ok: true, config: defaultPolicyConfig } : parsePolicyConfig(version4, named);
  const [before, after] = [parse3(change.base), parse3(change.head)];
  if (!after.ok) {
    io.stderr(`pod-security-review diff: ${file} at --head is invalid, and would stop every run once merged:
${after.errors.map(formatConfigError).join("\n")}
`);
    return { base: judging };
  }
  return before.ok ? { base: judging, change: { base: before.config, head: after.config, path: named } } : { base: judging };
}
async function relabelledWorkloads(io, changeSet, head, options) {
  const namespaces = relabelledNamespaces(changeSet, { policy: options.policy, selection: options.selection, load: { maxBytes: options.maxBytes } });
  if (namespaces.length === 0) return [];
  const skip = new Set(changeSet.files.flatMap((f) => [f.path, f.previousPath ?? f.path]));
  const found = await readNamespaceFiles(io.cwd, head, { namespaces, skip, selection: options.selection, maxBytes: options.maxBytes, maxFiles: relabelledFilesCap });
  for (const { path: file, reason: reason4 } of found.omitted) {
    io.stderr(`pod-security-review diff: ${file}: not re-evaluated after the range raises the pod-security labels of ${namespaces.join(", ")} (${reason4})
`);
  }
  return found.files;
}
async function diffCommand(args, io) {
  const { values } = parseArgs2({
    args,
    allowPositionals: false,
    options: {
      ...policyOptions,
      base: { type: "string" },
      head: { type: "string", default: "HEAD" },
      "only-new-violations": { type: "boolean", default: false },
      include: { type: "string", multiple: true },
      exclude: { type: "string", multiple: true },
      render: { type: "string", default: "auto" },
      "opt-outs": { type: "string" },
      "policy-changes": { type: "string" }
    }
  });
  if (values.help) {
    io.stdout(diffUsage);
    return 0;
  }
  const options = readPolicyOptions(values);
  if (values.base === void 0) throw new UsageError("--base REF is required");
  if (values.render !== "auto" && values.render !== "off") throw new UsageError(`--render ${JSON.stringify(values.render)}: must be one of auto, off`);
  let changeSet;
  try {
    changeSet = await readGitChangeSet({ repository: io.cwd, base: values.base, head: values.head, maxBytes: options.maxBytes });
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(await gitFailure(io.cwd, values.base, values.head, error));
    throw error;
  }
  const [baseCommit, headCommit] = [await resolveCommit(io.cwd, values.base), await resolveCommit(io.cwd, values.head)];
  const config = reads(options.sourceOptions, "config") ? await configAtBase(io, options.configPath, baseCommit, changeSet) : void 0;
  const policy = withChangeRules(contextFor(io, options, false, config?.base), values["opt-outs"], values["policy-changes"]);
  const port = values.render === "off" ? null : await gitRenderPort(io.cwd, await mergeBase(io.cwd, baseCommit, headCommit), headCommit, options.maxBytes);
  const selection = { include: values.include ?? defaultSelection.include, exclude: values.exclude ?? [] };
  const relabelledFiles = await relabelledWorkloads(io, changeSet, headCommit, { policy, selection, maxBytes: options.maxBytes });
  const report = await evaluateWithRendering(changeSet, {
    policy,
    relabelledFiles,
    ...config?.change ? { configChange: config.change } : {},
    headNamespaceDocuments: await readNamespaceDocuments(io.cwd, values.head, options.maxBytes),
    load: { maxBytes: options.maxBytes },
    selection,
    onlyNewViolations: values["only-new-violations"],
    // Fixes are part of the JSON contract; the text report does not show them.
    fixes: options.format === "json",
    render: policy.config.render
  }, port);
  const header = defaultPolicies(policy, report.cluster);
  io.stdout(renderReport(options.format, report, header));
  return failureStatus(report, options.unchecked);
}

// src/cli/fix.ts
import { writeFile as writeFile2 } from "node:fs/promises";
import path8 from "node:path";
import { parseArgs as parseArgs3 } from "node:util";

// src/report/truncate.ts
var encoder2 = new TextEncoder();

// src/report/commentBody.ts
var cautions = {
  privileged: "the container loses device and kernel access",
  hostNamespaces: "the pod no longer sees the node's network, processes or IPC",
  runAsUser: "the container no longer runs as UID 0",
  runAsNonRoot: "the image must run as a non-root user, or the container will not start",
  hostPorts: "clients must reach the port through a Service",
  windowsHostProcess: "the containers lose access to the node",
  "advice.readOnlyRootFilesystem": "a process that writes outside its volumes fails (mount an emptyDir where it writes)",
  "advice.automountServiceAccountToken": "the pod can no longer call the Kubernetes API"
};
function cautionFor(checks2) {
  const parts = [...new Set(checks2)].map((c) => cautions[c]).filter((c) => c !== void 0);
  return parts.length === 0 ? null : `${parts.join("; ")}.`;
}

// src/cli/fix.ts
var fixUsage = `Usage: pod-security-review fix [options] [--dry-run] PATH...

Fix the pod specs in Kubernetes manifests (files, or folders searched for
*.yaml, *.yml and *.json): every finding \`check\` reports (blocking or
warning) that has a safe mechanical fix is fixed in place, with the verified
edits a pull-request review would suggest. Comments, blank lines and the
formatting of untouched lines are kept. Findings that need a decision (which
volume type, which user ID) are left and reported with what to do.

Options:
  --dry-run            print the changes as a unified diff instead of writing them
  --allow-empty        exit 0 when no manifest or no pod spec is found (else 1)
  --only CHECK,...     fix only these checks (e.g. runAsNonRoot,seccompProfile_restricted)
  --skip CHECK,...     fix every check but these
  --advice             also fix what the hardening advice checks find where the fix is
                       mechanical (advice.readOnlyRootFilesystem,
                       advice.automountServiceAccountToken); the config's advice key
                       turns them on too
  Edits that can stop a workload from working (privileged, hostNetwork, runAsUser 0,
  runAsNonRoot, readOnlyRootFilesystem, no service account token) are listed after
  the report with a one-line caution.
${policyOptionsHelp}

Exit status: 0 nothing blocks after fixing, 1 blocking violations remain, a file is
malformed or invalid, or (with --unchecked failure) a file was not checked, 2 usage
or config error.
`;
function checkSelection(only, skip) {
  const fixable = [...checkIds, ...fixableAdviceChecks];
  const list4 = (flag, values) => {
    if (values === void 0) return null;
    const names = values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
    for (const name of names) {
      if (!isCheckId(name) && !isFixableAdvice(name)) throw new UsageError(`${flag} ${JSON.stringify(name)}: not a check${didYouMean(name, fixable)}; the checks: ${fixable.join(", ")}`);
    }
    return new Set(names);
  };
  const included = list4("--only", only);
  const excluded = list4("--skip", skip);
  if (included && excluded) throw new UsageError("--only and --skip: give one");
  return (check) => included ? included.has(check) : !(excluded?.has(check) ?? false);
}
async function fixCommand(args, io) {
  const { values, positionals } = parseArgs3({
    args,
    allowPositionals: true,
    options: {
      ...policyOptions,
      "dry-run": { type: "boolean", default: false },
      "allow-empty": { type: "boolean", default: false },
      only: { type: "string", multiple: true },
      skip: { type: "string", multiple: true },
      advice: { type: "boolean" }
    }
  });
  if (values.help) {
    io.stdout(fixUsage);
    return 0;
  }
  const options = readPolicyOptions(values);
  const collected = await filesOfPaths(positionals, io, options.maxBytes, "fix");
  const policy = contextFor(io, options, values.advice === true);
  const load = { maxBytes: options.maxBytes };
  const fixChecks = checkSelection(values.only, values.skip);
  const fixing = progressFor(collected.files, io, "fixing");
  const before = evaluateFiles(collected.files, { policy, load, fixes: true, fixChecks }, fixing?.advance);
  fixing?.end();
  const suggestionsOf = /* @__PURE__ */ new Map();
  for (const finding of before.findings) {
    if (finding.fix) suggestionsOf.set(finding.file, (suggestionsOf.get(finding.file) ?? /* @__PURE__ */ new Set()).add(finding.fix));
  }
  const after = [];
  let diff = "";
  const changed = [];
  for (const file of collected.files) {
    const text4 = textOf(file.content);
    const suggestions = [...suggestionsOf.get(file.path) ?? []].sort((a, b) => a.startLine - b.startLine);
    if (text4 === null || suggestions.length === 0) {
      after.push(file);
      continue;
    }
    const fixed2 = applySuggestions(text4, suggestions);
    after.push({ path: file.path, content: fixed2 });
    changed.push(file.path);
    if (values["dry-run"]) diff += createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, text4, fixed2, void 0, void 0, { context: 3 });
    else await writeFile2(path8.resolve(io.cwd, file.path), fixed2);
  }
  const rechecking = progressFor(after, io, "re-checking");
  const remaining = evaluateFiles(after, { policy, load, fixes: true, fixChecks }, rechecking?.advance);
  rechecking?.end();
  const report = { ...remaining, errors: [...collected.problems, ...remaining.errors] };
  const fixable = (check) => isCheckId(check) || isFixableAdvice(check);
  const notes = report.findings.map(
    (f) => !fixable(f.check) ? null : !fixChecks(f.check) ? `${f.file}:${f.line}: not fixed [${f.check}]: left out by --only/--skip` : f.fixNote !== null ? `${f.file}:${f.line}: not fixed [${f.check}]: ${f.fixNote.split("\n")[0]}` : null
  ).filter((n) => n !== null);
  const cautionLines = [...new Set(before.findings.filter((f) => f.fix && changed.includes(f.file)).map((f) => f.file))].flatMap((file) => {
    const caution = cautionFor(before.findings.filter((f) => f.file === file && f.fix).map((f) => f.check));
    return caution === null ? [] : [`${file}: caution: ${caution}`];
  });
  const fixedCount = before.findings.length - remaining.findings.length;
  const text3 = [
    renderText(report, defaultPolicies(policy)).trimEnd(),
    ...notes,
    ...cautionLines,
    `${values["dry-run"] ? "would fix" : "fixed"} ${fixedCount} ${fixedCount === 1 ? "finding" : "findings"} in ${changed.length} ${changed.length === 1 ? "file" : "files"}${changed.length > 0 ? `: ${changed.join(", ")}` : ""}`
  ].join("\n");
  if (values["dry-run"]) {
    io.stdout(diff);
    io.stderr(`${text3}
`);
  } else io.stdout(`${text3}
`);
  return emptyInputStatus("fix", collected.files.length, before.podSpecs.length, report.errors.length, values["allow-empty"], io) ?? failureStatus(report, options.unchecked);
}

// src/cli/init.ts
import { existsSync as existsSync2 } from "node:fs";
import { mkdir as mkdir3, writeFile as writeFile3 } from "node:fs/promises";
import path9 from "node:path";
import { parseArgs as parseArgs4 } from "node:util";

// src/policy/schema.ts
var policyConfigSchemaUrl = `https://raw.githubusercontent.com/${actionRepository}/${majorTag}/schema/pod-security.schema.json`;
var level2 = { type: "string", enum: [...levels] };
var version3 = { type: "string", pattern: "^(latest|v1\\.(0|[1-9][0-9]*))$" };
var globBase = "(?![!\\s])(?!.*\\s$)(?!.*\\\\)";
var namePattern = { type: "string", pattern: `^${globBase}[^/A-Z]+$` };
var fileGlob = { type: "string", pattern: `^${globBase}(?!/)(?!(.*/)?\\.\\.(/|$)).+$` };
var imagePattern = { type: "string", pattern: "^\\S+$" };
var extraCheck = { type: "string", enum: [...configurable] };
var number = (bounds, description) => ({ type: bounds.integer ? "integer" : "number", exclusiveMinimum: bounds.above, maximum: bounds.max, description });
var list3 = (items, description, extra = {}) => ({ type: "array", description, items, minItems: 1, ...extra });
var modeProperties = {
  level: { ...level2, description: "The enforced level: its violations block (failed check run, exit status 1). Default: baseline." },
  "warn-level": { ...level2, description: "The warn level: its extra violations are reported, never blocking. Default: restricted." },
  version: { ...version3, description: "Policy version of both levels, as the pod-security.kubernetes.io/enforce-version label: latest or v1.N. Default: latest." },
  "warn-version": { ...version3, description: "Version of the warn level. Default: as version." }
};
var properties = {
  ...modeProperties,
  "namespace-labels": { type: "boolean", description: "Judge workloads by the pod-security.kubernetes.io labels of the repository's Namespace manifests, as the cluster does. Default: true." },
  strict: { type: "boolean", description: "true: pod-security-review/ignore annotations are not honoured (authors cannot exempt themselves). Default: false." },
  "opt-outs": {
    enum: ["base-only", "any", "none"],
    description: "Which pod-security-review/ignore annotations count in a pull request: base-only (those already at the base commit; one the pull request adds is a policy change), any, or none (as strict: true). Default: base-only."
  },
  "policy-changes": {
    enum: ["block", "warn"],
    description: "A pull request that relaxes the policy judging it (a pod-security label lowered, a namespace newly privileged, an opt-out added, a workload moved into a more lenient namespace or path): block (default) or warn."
  },
  "preview-version": { ...version3, description: "Also evaluate at this version and report, never blocking, what would start failing after a cluster upgrade." },
  exemptions: {
    type: "object",
    description: "Exempt pod specs, as Pod Security Admission: exact names, not patterns. They are still evaluated, and their findings listed as ignored.",
    additionalProperties: false,
    properties: {
      namespaces: { type: "array", description: "Namespace names.", items: { type: "string", pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", maxLength: 63 }, uniqueItems: true },
      runtimeClassNames: {
        type: "array",
        description: "RuntimeClass names.",
        items: { type: "string", pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", maxLength: 253 },
        uniqueItems: true
      }
    }
  },
  rules: {
    type: "array",
    description: "Levels per namespace and path; the first matching rule wins over the top-level settings (namespace labels win over rules).",
    items: {
      type: "object",
      additionalProperties: false,
      required: ["match"],
      anyOf: Object.keys(modeProperties).map((key) => ({ required: [key] })),
      properties: {
        match: {
          type: "object",
          description: "When the rule applies: every given condition must match.",
          additionalProperties: false,
          minProperties: 1,
          properties: {
            namespaces: list3(namePattern, "Namespace name patterns (globs: prod-*)."),
            files: list3(fileGlob, "File globs (minimatch) on paths relative to the repository root.")
          }
        },
        ...modeProperties
      }
    }
  },
  disable: {
    type: "array",
    description: "Per-check disables: a finding is set aside (listed as ignored) when every given scope matches.",
    items: {
      type: "object",
      additionalProperties: false,
      required: ["checks"],
      properties: {
        checks: list3({ type: "string", enum: [...checkIds] }, "The check IDs to disable, as findings print them ([hostPorts])."),
        namespaces: list3(namePattern, "Namespace name patterns."),
        files: list3(fileGlob, "File globs (minimatch) on paths relative to the repository root."),
        workloads: list3(namePattern, "Workload name patterns."),
        images: list3(imagePattern, "Container image patterns (Kyverno-style: * also crosses / and :); every container the finding concerns must match."),
        reason: { type: "string", pattern: "\\S", description: "Why: shown with every finding this sets aside." }
      }
    }
  },
  advice: {
    type: "object",
    description: "Checks beyond the Pod Security Standards: hardening advice (advice.*, off by default) and the PodSecurityPolicy leftover (psp.removed, on). Never blocking unless listed in blocking.",
    additionalProperties: false,
    properties: {
      enable: { type: "array", description: "Checks to run (all: every advice.* check).", items: extraCheck },
      disable: { type: "array", description: "Checks not to run.", items: extraCheck },
      blocking: { type: "array", description: "Checks whose findings block (they are enabled too).", items: extraCheck }
    }
  },
  render: {
    type: "object",
    description: "How Helm charts and Kustomize overlays are rendered before their pod specs are checked.",
    additionalProperties: false,
    properties: {
      charts: {
        type: "array",
        description: "Settings per chart; charts not listed render with their defaults.",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["chart"],
          properties: {
            chart: { type: "string", pattern: "\\S", description: "The chart's folder, relative to the repository root (charts/web)." },
            release: { type: "string", pattern: "\\S", description: "The release name to render with." },
            namespace: { type: "string", pattern: "\\S", description: "The namespace to render into." },
            values: { type: "array", items: { type: "string" }, description: "Values files, relative to the repository root, in the order helm takes them." },
            "ci-values": { type: "boolean", description: "Also render with each of the chart's ci/*-values.yaml files." }
          }
        }
      },
      timeout: number(renderTimeoutBounds, "Seconds each run of helm or kustomize may take before it is stopped and reported as a render error. Default: 60."),
      "max-output-size": number(renderOutputBounds, "Bytes of output each run of helm or kustomize may write before it is stopped and reported as a render error. Default: 16777216 (16 MiB).")
    }
  }
};

// src/init/templates.ts
var workflowPath = ".github/workflows/pod-security.yml";
function configTemplate(level3) {
  return `# yaml-language-server: $schema=${policyConfigSchemaUrl}
# Pod Security policy for this repository, read by pod-security-review
# (https://github.com/${actionRepository}#policy). Every key is optional.
# The Action reads this file at the pull request's base commit: a pull
# request cannot relax the policy that judges it.

# The enforced level: its violations fail the check and block the merge.
# privileged (checks nothing), baseline (no known privilege escalations) or
# restricted (current pod hardening best practice).
level: ${level3}

# Reported as warnings, never blocking: what restricted would ask next.
warn-level: restricted

# The policy version, as the pod-security.kubernetes.io/enforce-version
# label: latest, or v1.N to judge as that Kubernetes version does.
version: latest

# Also report, never blocking, what would start failing at this version
# (useful before a cluster upgrade when version is pinned).
# preview-version: latest

# Judge workloads by the pod-security.kubernetes.io/* labels of the
# Namespace manifests in this repository, as the cluster does.
namespace-labels: true

# true: authors cannot exempt their own workloads with
# pod-security-review/ignore annotations.
strict: false

# Exempt pod specs, as Pod Security Admission does: exact names.
# Their findings are still listed, as ignored.
# exemptions:
#   namespaces: [kube-system]
#   runtimeClassNames: []

# Levels per namespace or path; the first matching rule wins. The labels of
# a Namespace manifest win over rules, as in the cluster.
# rules:
#   - match: { namespaces: [prod-*], files: ["deploy/prod/**"] }
#     level: restricted
#   - match: { files: ["deploy/legacy/**"] }
#     level: privileged

# Set a check aside where it is expected, and say why.
# disable:
#   - checks: [hostPorts]
#     namespaces: [ingress]
#     workloads: [ingress-nginx]
#     reason: the ingress controller binds host ports
`;
}
function workflowTemplate() {
  return `# Pod Security review of the Kubernetes manifests each pull request changes.
# Policy: ${defaultConfigPath}. Inputs: https://github.com/${actionRepository}#inputs-and-outputs
name: Pod Security
on:
  pull_request:
    types: [opened, synchronize, reopened, ready_for_review]
  merge_group:
permissions:
  contents: read        # read the manifests
  pull-requests: write  # inline review comments with suggestions
  checks: write         # the "Pod Security" check run
concurrency:            # one review at a time per pull request; a new push supersedes
  group: pod-security-\${{ github.event.pull_request.number || github.ref }}
  cancel-in-progress: true
jobs:
  pod-security:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
        with:
          fetch-depth: 0   # required for merge_group and push; reads both commits locally
      # Pin to a full commit SHA for immutability: see
      # https://github.com/${actionRepository}#versions-and-pinning
      - uses: ${actionRepository}@${majorTag}
`;
}

// src/cli/init.ts
var initUsage = `Usage: pod-security-review init [--level L] [--force] [DIR]

Write, in the repository at DIR (default: the current directory):
  ${defaultConfigPath}        the policy, every key explained
  ${workflowPath}   the workflow that reviews pull requests

Options:
  --level L    the enforced level written in the policy: baseline, restricted
               or privileged [default: baseline]
  --force      overwrite files that exist (otherwise they are left alone)
  -h, --help   show this help

Exit status: 0 written, 1 a file exists (nothing written), 2 usage error.
`;
async function initCommand(args, io) {
  const { values, positionals } = parseArgs4({
    args,
    allowPositionals: true,
    options: { level: { type: "string", default: "baseline" }, force: { type: "boolean" }, help: { type: "boolean", short: "h" } }
  });
  if (values.help) {
    io.stdout(initUsage);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError("init takes one directory at most");
  const level3 = parseLevel(values.level);
  if (!level3.ok) throw new UsageError(`--level: ${JSON.stringify(values.level)} ${level3.error}`);
  const root = path9.resolve(io.cwd, positionals[0] ?? ".");
  const files = [
    { name: defaultConfigPath, text: configTemplate(level3.value) },
    { name: workflowPath, text: workflowTemplate() }
  ];
  const existing = files.filter((f) => existsSync2(path9.join(root, f.name)));
  if (existing.length > 0 && !values.force) {
    io.stderr(`pod-security-review init: ${existing.map((f) => f.name).join(" and ")} already ${existing.length === 1 ? "exists" : "exist"}; nothing written (--force overwrites)
`);
    return 1;
  }
  for (const file of files) {
    const full = path9.join(root, file.name);
    await mkdir3(path9.dirname(full), { recursive: true });
    await writeFile3(full, file.text);
    io.stdout(`wrote ${path9.relative(io.cwd, full) || full}
`);
  }
  io.stdout(
    `
Next: commit both files, then require the "Pod Security" check in the branch protection rule
of your default branch. Try the policy locally with: npx pod-security-review check --config ${defaultConfigPath} .
`
  );
  return 0;
}

// src/cli/run.ts
var usage = `Usage: pod-security-review <command> [options]

Commands:
  check PATH...      evaluate every pod spec in files and folders
  diff --base REF    evaluate only the pod specs a git range introduced or modified
  fix PATH...        apply every verified fix in place (--dry-run: print a diff)
  init [DIR]         write a commented .github/pod-security.yaml and the workflow

Run \`pod-security-review <command> --help\` for the options of a command.
\`pod-security-review --version\` prints the version.
`;
var commands = {
  check: { run: checkCommand, usage: checkUsage },
  diff: { run: diffCommand, usage: diffUsage },
  fix: { run: fixCommand, usage: fixUsage },
  init: { run: initCommand, usage: initUsage }
};
async function runCli(args, io) {
  const [name, ...rest] = args;
  if (name === "--version" || name === "-v") {
    io.stdout(`${version}
`);
    return 0;
  }
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage);
    return name === void 0 ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`pod-security-review: unknown command ${JSON.stringify(name)}${didYouMean(name, Object.keys(commands))}; run \`pod-security-review --help\` for the commands
`);
    return 2;
  }
  try {
    const args2 = normalizeArgs(rest);
    if (args2 === null) {
      io.stdout(`${version}
`);
      return 0;
    }
    return await command.run(args2, io);
  } catch (error) {
    const code = error.code;
    if (error instanceof UsageError || typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      const message = error instanceof UsageError ? error.message : parseArgsMessage(error, command.usage);
      io.stderr(`pod-security-review ${name}: ${message}
Run \`pod-security-review ${name} --help\` for the options.
`);
      return 2;
    }
    throw error;
  }
}
function parseArgsMessage(error, commandUsage) {
  const flags = [...new Set(commandUsage.match(/--[a-z][a-z-]*/g) ?? [])];
  const unknown = /^Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return `unknown option ${unknown[1]}${didYouMean(unknown[1], flags)}`;
  const missing = /^Option '(-\w, )?(--[\w-]+) <value>' argument missing/.exec(error.message);
  if (missing) return `${missing[2]} needs a value`;
  const noValue = /^Option '(-\w, )?(--[\w-]+)' does not take an argument/.exec(error.message);
  if (noValue) return `${noValue[2]} takes no value`;
  const positional = /^Unexpected argument '([^']+)'/.exec(error.message);
  if (positional) return `unexpected argument ${JSON.stringify(positional[1])}: this command takes no PATH`;
  return error.message.split("\n")[0];
}

// src/cli.ts
if (isCheckWorker()) {
  serveCheckWorker();
} else {
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text3) => process.stdout.write(text3),
    stderr: (text3) => process.stderr.write(text3),
    tty: process.stdout.isTTY === true && process.stderr.isTTY === true,
    stderrTty: process.stderr.isTTY === true,
    ...process.stderr.columns === void 0 ? {} : { columns: process.stderr.columns },
    env: process.env,
    // Only a bundle can be started as a worker as it is (the sources need a TypeScript loader).
    ...import.meta.url.endsWith(".js") ? { workerScript: new URL(import.meta.url) } : {}
  }).then(
    (status) => {
      process.exitCode = status;
    },
    (error) => {
      const text3 = error instanceof Error ? error.stack ?? error.message : String(error);
      process.stderr.write(`pod-security-review: internal error (please report it): ${text3}
`);
      process.exitCode = 3;
    }
  );
}
