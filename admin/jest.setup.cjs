// The console runs in a page; Node has fetch but no page address, which the API client builds its URLs on.
globalThis.location = new URL('http://localhost/');
