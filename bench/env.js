// Recogito's UMD build reads process.env.NODE_ENV, as bundlers would have replaced it.
window.process = { env: { NODE_ENV: 'production' } };
