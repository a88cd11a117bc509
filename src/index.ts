/** Entry point of the Action bundle (dist/index.js): runs with the runner's real I/O. */
import { run } from './main.js';

await run();
