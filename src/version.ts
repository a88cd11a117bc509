export const version = '0.1.0';

/** The repository users reference the Action by (`uses: <repository>@<tag>`), as package.json's `repository`. */
export const actionRepository = 'pod-security-review/pod-security-review';

/**
 * The major tag the documentation, `init` and the schema URL point to: it
 * follows every compatible release (README, Versions and pinning). A new
 * major version changes it.
 */
export const majorTag = 'v1';
