// B12: the same echo as echo-raw.worker.ts, through Comlink.
import * as Comlink from 'comlink';

Comlink.expose({ echo: (value: unknown) => value });
