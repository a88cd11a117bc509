/**
 * Variables that a tool substitutes in a manifest before it reaches the
 * cluster: Flux's Kustomization `postBuild` (drone/envsubst) and `envsubst`
 * write them `${NAME}`, with an operator after the name at times
 * (`${NAME:=default}`, `${NAME:-default}`, `${NAME^^}`, `${NAME/a/b}`) or a
 * `#` before it (its length). A text holding one is not what the API server
 * would see as written.
 */
export const substitutedVariable = /\$\{#?[A-Za-z_][A-Za-z0-9_]*[^}]*\}/;
