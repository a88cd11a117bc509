/** Entry point of the Action bundle (dist/index.js). */
import { run } from './main.js';

await run();
