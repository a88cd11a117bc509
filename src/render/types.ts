/**
 * The rendering stage's vocabulary (pure): which Kustomize overlays and
 * Helm charts a change set affects, how each is rendered, and what a
 * rendering gave. Rendering sits between reading files and reading
 * manifests: its output is a manifest file like any other, whose findings
 * are then mapped back to the source lines a reviewer edits.
 */

import type { LocalDependency, MissingDependency } from './chart.js';
import type { InlineFill } from './templateFilling.js';

export type RenderTool = 'kustomize' | 'helm';

/** The files of one version of the repository, as discovery needs them. */
export interface TreeSnapshot {
  /** Every file path (forward slashes, relative to the repository root). */
  readonly paths: ReadonlySet<string>;
  /** The texts of the files discovery reads: kustomization files, the charts' Chart.yaml and requirements.yaml, helmfiles (see `discoveryReads`). */
  readonly texts: ReadonlyMap<string, string>;
  /** Set when the source listed only part of the tree (GitHub's git trees API truncates big trees): `paths` then misses files. */
  readonly truncated?: boolean;
  /** `check`: the files it was given, when `paths` holds more (the tree its Applications and HelmReleases may install charts from). */
  readonly given?: ReadonlySet<string>;
}

/** How a chart is rendered: `helm template RELEASE CHART --namespace NS -f VALUES…`. */
export interface HelmInvocation {
  readonly release: string;
  readonly namespace: string;
  /**
   * Whether the config file names the release namespace. Else it is helm's
   * `default`, which says nothing of where the chart will be installed: the
   * pod specs are still judged there (as `helm template` renders them), but
   * no notice asks for that Namespace's labels.
   */
  readonly namespaceGiven: boolean;
  /** Extra values files, repository-relative, in the order given to helm (the chart's values.yaml is always read first). */
  readonly valuesFiles: readonly string[];
  /** Declared dependencies `charts/` does not hold: left out of Chart.yaml (or requirements.yaml) for the rendering. */
  readonly withoutDependencies?: readonly string[];
  /** Dependencies in folders of the repository (`file://`, or a chart of the repository standing in), each put in the chart's `charts/<name>/` for the rendering. */
  readonly localDependencies?: readonly LocalDependency[];
  /** Dependencies taken in under another name: alias → name (chart.ts `aliases`). */
  readonly dependencyAliases?: Readonly<Record<string, string>>;
  /** The Kubernetes version and API versions the chart's templates see (`--kube-version`, `--api-versions`), when its installer names them; else helm's. */
  readonly capabilities?: Capabilities;
  /**
   * The Argo CD Application (or Flux HelmRelease) the chart is rendered
   * for (applications.ts): its inline values, read from its file at each
   * commit (and in each edited tree a suggestion is verified in), are given
   * to helm after the values files, as the controller gives them. A commit
   * whose file lacks the object does not have this rendering.
   */
  readonly application?: ApplicationValues;
  /** How an ApplicationSet's Application fills the inline values it reads from the set's template (templateFilling.ts), when they hold parameters. */
  readonly inlineFill?: InlineFill;
  /**
   * How the chart was installed at the base commit, when its installer
   * installed it otherwise there (installsAtBase.ts): the base side is
   * rendered so. Null when the base commit did not install it: the base
   * side is absent, all the chart installs is new.
   */
  readonly atBase?: BaseInvocation | null;
}

/** What differs in a chart's rendering at the base commit. */
export type BaseInvocation = Pick<HelmInvocation, 'release' | 'namespace' | 'namespaceGiven' | 'valuesFiles' | 'capabilities' | 'inlineFill'>;

/** What `.Capabilities` holds for a chart's templates, as an installer gives helm (Argo CD's `helm.kubeVersion`, helmfile's `apiVersions`). */
export interface Capabilities {
  /** `--kube-version`; null for helm's own. */
  readonly kubeVersion: string | null;
  /** `--api-versions`, each `[group/]version[/kind]`, besides helm's own. */
  readonly apiVersions: readonly string[];
}

/** The first and last line of a span of a file. */
export interface LineSpan {
  readonly start: number;
  readonly end: number;
}

/** One of the two commits a change compares. */
export type Side = 'base' | 'head';

/** The kinds of object whose chart is rendered with their settings (installers.ts): an Argo CD Application (or ApplicationSet), a Flux HelmRelease, a helmfile release. */
export type InstallerKind = 'Application' | 'ApplicationSet' | 'HelmRelease' | 'HelmfileRelease' | 'FleetBundle';

/** Where an Application's (or HelmRelease's, or helmfile release's) inline values are: its file, its kind and name there, and their path in it (null: it has none). */
export interface ApplicationValues {
  readonly kind: InstallerKind;
  /** Its file; for an Application a chart or overlay renders, that root's file. */
  readonly file: string;
  /**
   * For an Application a chart or overlay renders (an app of apps), its
   * inline values as each side's rendering has them: null where that side
   * does not render it (its rendering is then absent there).
   */
  readonly rendered?: {
    readonly base: string | null;
    readonly head: string | null;
    /** The file the parent's rendering is read as (stage.ts renderingPath): findings its values cause are placed through it. */
    readonly renderedAs: string;
  };
  readonly name: string;
  readonly inline: readonly (string | number)[] | null;
  /**
   * The line of `file` that names the chart (ApplicationChart.noticeLine),
   * for an Application rendered from its own file (not from a parent's
   * rendering): a finding no line of the pull request writes is commented
   * there when the change adds or edits it.
   */
  readonly line?: number;
  /** The line of `file` that names each of the rendering's values files (HelmInvocation.valuesFiles), when `line` is known. */
  readonly valueLines?: readonly number[];
  /**
   * Where the change may have written what the object installs, looked in
   * that order when it leaves `line` as it was (a finding no line of the
   * pull request writes is commented on the first line it adds there,
   * RenderedOrigin.changeLine): the lines of `file` that gave an
   * ApplicationSet's Application its parameters (its list element), the
   * lines of `file` the object spans, the files the set read its
   * parameters from (gitFilesGenerator.ts).
   */
  readonly parameterLines?: readonly LineSpan[];
  readonly lines?: LineSpan;
  readonly parameterFiles?: readonly string[];
}

/** What one run of a tool may take before it is stopped and reported (the config file's `render.timeout` and `render.max-output-size`). */
export interface RenderLimits {
  /** Milliseconds before the process is killed. */
  readonly timeoutMs: number;
  /** Bytes of standard output before the process is killed. */
  readonly maxOutputBytes: number;
}

/** One rendering of a root: an overlay, or a chart with one set of values. */
export interface RenderRoot {
  readonly tool: RenderTool;
  /** The folder rendered (a kustomization's or a chart's), repository-relative. */
  readonly dir: string;
  /** The kustomization file or Chart.yaml: where findings land when no line is certain. */
  readonly file: string;
  /** A short name for messages: `overlays/prod`, `charts/web (ci/prod-values.yaml)`. */
  readonly label: string;
  /** Paths the rendering reads (at head, else at base): the tree to materialise, and where findings may land. */
  readonly sources: readonly string[];
  /** The same at base (empty when the root is new). */
  readonly baseSources: readonly string[];
  readonly helm: HelmInvocation | null;
  /** A kustomize root whose `helmCharts` are inflated (`--enable-helm`): the config turned it on. */
  readonly inflateHelm: boolean;
  /** Why the root is not rendered (a remote base, Helm inflation off), or null. */
  readonly blocked: string | null;
  /**
   * A chart's dependencies `charts/` lacks, which it is rendered without:
   * those the values the rendering takes leave on are said with its
   * findings (stage.ts, dependencyNotes.ts).
   */
  readonly leftOut?: readonly MissingDependency[];
  /** What a rendering that fails was rendered without (a chart's dependencies, not vendored): why it is not rendered (dependencyNotes.ts). */
  readonly renderedWithout?: readonly MissingDependency[];
  readonly limits: RenderLimits;
  /**
   * The folder the change moved the root from (its Chart.yaml or
   * kustomization as it was, the old folder gone): the base is rendered
   * there, so that what renders as before is unchanged, not new.
   */
  readonly movedFrom?: MovedRoot;
}

/** A root's place at base when the change moved it (RenderRoot.movedFrom). */
export interface MovedRoot {
  readonly dir: string;
  readonly file: string;
  /** A chart's dependencies there, resolved from its folder there. */
  readonly dependencies?: Pick<HelmInvocation, 'withoutDependencies' | 'localDependencies' | 'dependencyAliases'>;
}

/** What rendering one root at one commit gave. */
export type RenderOutput =
  | {
      readonly kind: 'rendered';
      readonly text: string;
      /**
       * A remote schema the chart's values.schema.json refers to, which helm
       * could not fetch (tools run without network): the chart was rendered
       * again without schema validation.
       */
      readonly schemaNotFetched?: string;
      /** Generator inputs the repository lacks (a `.env` a build step writes), rendered from empty stand-ins (inputStandIns.ts). */
      readonly inputStandIns?: readonly string[];
    }
  /** The root does not exist at this commit. */
  | { readonly kind: 'absent' }
  /** The tool is not installed: the root is reported as not rendered. */
  | { readonly kind: 'missing-tool'; readonly tool: string }
  /** The tool ran and failed, timed out, or wrote too much: `message` names the command and the first lines of stderr. */
  | {
      readonly kind: 'failed';
      readonly message: string;
      /** What to do, when the tool's words say something we know (a chart that stops on a value its values.yaml leaves out). */
      readonly hint?: string;
      /** It was stopped at a limit (render.timeout, render.max-output-size), not failed by itself. */
      readonly stopped?: true;
    };

/** A root rendered at both sides, with the head texts of its sources (for mapping findings back). */
export interface RenderedRoot {
  readonly root: RenderRoot;
  readonly base: RenderOutput;
  readonly head: RenderOutput;
  /**
   * The head rendered once more, when the tool may write a value anew at
   * each rendering (a chart's `randAlphaNum`, `uuidv4` or `now`, as a
   * `rollme` annotation that rolls the pods on every upgrade) and there is a
   * base to compare with: where the two head renderings differ, base and head
   * differ by chance, not by the pull request (scope.ts).
   */
  readonly headAgain?: RenderOutput;
  /** Head texts of the files the rendering read that may hold a field's value (resources, patches, templates, values). */
  readonly sources: ReadonlyMap<string, string>;
  /** Head texts inside the charts' vendored dependency archives, by the paths they would have unpacked (io/render/archives.ts): read, never pointed at. */
  readonly archived?: ReadonlyMap<string, string>;
}

/** Where a rendered finding came from: the JSON report's `rendered` field. */
export interface RenderedOrigin {
  readonly tool: RenderTool;
  /** The root's folder. */
  readonly root: string;
  /** The rendering, as messages name it: the folder, or with the values file of a `ci-values` rendering (`charts/web (ci/port-values.yaml)`). */
  readonly label?: string;
  /** The file of the Argo CD Application or Flux HelmRelease the chart was rendered for (applications.ts), when it was. */
  readonly application?: string;
  /** The line of that file that names the chart (ApplicationValues.line), when the object is read from the file itself. */
  readonly applicationLine?: number;
  /**
   * The first line the change adds to what gave the object the chart is
   * rendered for its settings: its set's list element, the object, a file
   * the set read its parameters from (ApplicationValues.parameterLines,
   * lines, parameterFiles, in that order), when it adds one.
   */
  readonly changeLine?: { readonly file: string; readonly line: number };
  /** When the finding is on a template line: the values line, which the change left as it was, that gives the template the value. */
  readonly values?: { readonly file: string; readonly line: number };
  /** The file the finding is placed on. */
  readonly sourceFile: string;
  readonly sourceLine: number;
  /**
   * False when no source line is certain (the finding then sits on the
   * root's file): neither the line that writes the value nor, for a field
   * that is missing, the line of the object or container it belongs in.
   */
  readonly exact: boolean;
  /** The rendered lines around the field, shown when the line is not certain. */
  readonly snippet: string | null;
}

/** What the rendering stage asks of the I/O layer (src/io/render). */
export interface RenderPort {
  readonly head: TreeSnapshot;
  readonly base: TreeSnapshot | null;
  /** Render roots at base and head. */
  render(roots: readonly RenderRoot[]): Promise<RenderedRoot[]>;
  /** Render a root at head with some files replaced (to verify a suggestion). */
  renderEdited(root: RenderRoot, edits: ReadonlyMap<string, string>): Promise<RenderOutput>;
  /**
   * The head tree's files that may hold Argo CD Applications, Flux
   * HelmReleases or their GitRepositories (those that name one of these
   * kinds), when the source can search the tree (git, or the API for a
   * tree of not too many YAML files); absent when it cannot (a folder
   * given to `check`).
   */
  installerFiles?(): Promise<InstallerFiles>;
  /** The texts of some files of one side's tree (those it has, within the reader's size limit): what ApplicationSets read parameters from. */
  readTexts?(side: Side, paths: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

/** The files installerFiles found, and how many YAML and JSON files it could not search (0: all were). */
export interface InstallerFiles {
  readonly files: readonly TreeFile[];
  readonly unsearched: number;
}

/** A file of a tree, with its bytes. */
export interface TreeFile {
  readonly path: string;
  readonly content: Uint8Array;
}
