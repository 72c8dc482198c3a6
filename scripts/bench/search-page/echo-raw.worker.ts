// B12 baseline: a bare postMessage echo.
self.onmessage = (event: MessageEvent) => self.postMessage(event.data);
