// `npm run bench:parse`: median parse time of the seed document and of a generated 1 MB
// document (QUALITY.md: ≤ 20 ms and ≤ 500 ms), from the built library.
import { runParseBench } from '../dist/libs/ingestion/bench/parse.bench.js';

await runParseBench({ runs: Number(process.env.RUNS ?? 15) });
