/** The installed command's entry: run, then leave with the exit code. */
import { handleStopSignals } from './cleanup.js';
import { main } from './main.js';

handleStopSignals();
process.exitCode = await main();
