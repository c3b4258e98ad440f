/** The installed command's entry: run, then leave with the exit code. */
import { main } from './main.js';

process.exitCode = await main();
