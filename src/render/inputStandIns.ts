/**
 * Empty stand-ins for the files a Kustomize generator reads that the
 * repository lacks (pure). `configMapGenerator: [{envs: [.env]}]` with the
 * `.env` written at deploy time and ignored by git (the Azure Developer
 * CLI's templates, most apps that keep settings out of the repository):
 * kustomize refuses to build without it, so the overlay's pod specs went
 * unchecked and its `check` failed. What a generator reads becomes the data
 * of a ConfigMap or Secret, which no Pod Security check reads; the pods
 * refer to the object by its name, whose hash suffix is all the data
 * changes. So the tree written for the rendering gets an empty file in its
 * place, and the rendering says so (stage.ts): the pod specs are judged as
 * the cluster would, the generated data is not what it will hold.
 *
 * Only files the repository does not list: one it lists but that was not
 * read (over the size limit) is left to fail with its own message.
 */
import { isKustomizationFile, readKustomization } from './kustomization.js';

const decoder = new TextDecoder();

/** The files with an empty stand-in for each generator input that `listed` says the repository lacks, and those paths (sorted). */
export function withInputStandIns(files: ReadonlyMap<string, Uint8Array>, listed: (path: string) => boolean): { readonly files: ReadonlyMap<string, Uint8Array>; readonly standIns: readonly string[] } {
  const paths = new Set(files.keys());
  const standIns = new Set<string>();
  for (const [path, data] of files) {
    if (!isKustomizationFile(path)) continue;
    for (const input of readKustomization(path, decoder.decode(data), paths).missingInputs) if (!listed(input)) standIns.add(input);
  }
  if (standIns.size === 0) return { files, standIns: [] };
  const withStandIns = new Map(files);
  for (const path of standIns) withStandIns.set(path, new Uint8Array());
  return { files: withStandIns, standIns: [...standIns].sort() };
}
