// The live page's own script, as a live blog's would be: a new entry every few seconds
// (`?every=100&count=100` for the end-to-end test). Isnad is not told: it sees the change.
const params = new URLSearchParams(location.search);
const every = Number(params.get('every') ?? 4000);
const count = Number(params.get('count') ?? 25);
const body = document.querySelector('.live-entries');
const who = ['The fire service', 'Mayor Ines Varga', 'The weather agency', 'A police spokesman', 'The energy minister'];
const said = ['said', 'confirmed', 'warned', 'claimed', 'told reporters'];
let n = 0;
const timer = setInterval(() => {
  n += 1;
  const p = document.createElement('p');
  const time = document.createElement('b');
  time.textContent = `${String(14 + Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')} `;
  p.append(time, `${who[n % who.length]} ${said[n % said.length]} that ${n * 37 % 900 + 100} more homes had been evacuated in district ${n}.`);
  body.append(p);
  document.documentElement.dataset.entries = String(n);
  if (n >= count) clearInterval(timer);
}, every);
