// The alarm strip's sound: a short two-tone beep every few seconds while a critical alert nobody has
// acknowledged is on the board. Off by default (browsers allow sound only after a click), the
// operator's choice remembered on this screen; acknowledging the alert silences it for everyone.

const KEY = 'examops.alarmSound';
const EVERY_MS = 4000;

/** `button` toggles the sound; `label(on)` gives its text in the current language. */
export function createAlarm(button, label) {
  let enabled = localStorage.getItem(KEY) === 'on';
  let ringing = false;
  let audio = null;
  let timer = null;

  function beep() {
    if (!audio) return;
    const now = audio.currentTime;
    for (const [offset, freq] of [[0, 880], [0.25, 660]]) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, now + offset);
      gain.gain.exponentialRampToValueAtTime(0.4, now + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + offset + 0.22);
      osc.connect(gain).connect(audio.destination);
      osc.start(now + offset);
      osc.stop(now + offset + 0.25);
    }
  }

  function apply() {
    button.textContent = label(enabled);
    button.classList.toggle('is-on', enabled);
    button.classList.toggle('is-ringing', enabled && ringing);
    const shouldRing = enabled && ringing;
    if (shouldRing && !timer) {
      beep();
      timer = setInterval(beep, EVERY_MS);
    } else if (!shouldRing && timer) {
      clearInterval(timer);
      timer = null;
    }
  }

  button.addEventListener('click', () => {
    enabled = !enabled;
    localStorage.setItem(KEY, enabled ? 'on' : 'off');
    if (enabled && !audio && window.AudioContext) audio = new AudioContext();
    if (audio && audio.state === 'suspended') audio.resume();
    apply();
  });

  return {
    /** Rings while any critical alert is unacknowledged. */
    update(alerts) {
      ringing = alerts.some((a) => a.severity === 'critical' && !a.acknowledged);
      apply();
    },
    refresh: apply,
    /** For tests: whether the alarm would sound now. */
    get ringing() { return enabled && ringing; },
  };
}
