// Loads the wasm-bindgen output and starts the app (see web/src/main.rs).
import init from './web.js';

init().catch((err) => {
  console.error('Avfallskalkyl failed to start:', err);
  document.body.textContent = 'Avfallskalkyl kunde inte starta. / Avfallskalkyl failed to start.';
});
