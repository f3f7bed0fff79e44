// A scan image with its regions overlaid, pinch-zoom / pan with pointer events, and +/- buttons.
import { Api } from './api.js';
import { h, button, percent, threatClassLabel } from './dom.js';

const MIN_SCALE = 1;
const MAX_SCALE = 6;

/** Returns {element, setVerdict(region, verdict), destroy()}. */
export function scanViewer(finding) {
  const width = finding.imageWidth || 1024;
  const height = finding.imageHeight || 400;
  const boxes = (finding.regions ?? []).map((region) => regionBox(region, width, height));
  const img = h('img', { class: 'scan-image', alt: `Scan ${finding.scanId} of ${finding.containerNumber ?? ''}`, draggable: 'false' });
  const status = h('p', { class: 'scan-image-status' }, 'Loading image…');
  const stage = h('div', { class: 'scan-stage' }, img, status, boxes);
  const viewport = h('div', { class: 'scan-viewport', style: `aspect-ratio: ${width} / ${height}` }, stage);
  const zoom = panZoom(viewport, stage);
  const controls = h('div', { class: 'zoom-controls' },
    button('−', () => zoom.step(1 / 1.5), { 'aria-label': 'Zoom out', class: 'btn btn-secondary btn-square' }),
    button('+', () => zoom.step(1.5), { 'aria-label': 'Zoom in', class: 'btn btn-secondary btn-square' }),
    button('Reset view', () => zoom.reset(), { class: 'btn btn-secondary' }));

  let objectUrl = null;
  let destroyed = false;
  if (finding.imageUrl) {
    Api.imageUrl(finding.imageUrl)
      .then((url) => {
        if (destroyed) return URL.revokeObjectURL(url);
        objectUrl = url;
        img.src = url;
        status.remove();
      })
      .catch(() => { status.textContent = 'Image not available (offline?). The regions are still shown.'; });
  } else {
    status.textContent = 'No image for this scan.';
  }

  return {
    element: h('div', { class: 'scan-viewer' }, viewport, controls),
    setVerdict(index, verdict) {
      boxes[index]?.setAttribute('data-verdict', verdict ?? '');
    },
    destroy() {
      destroyed = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    },
  };
}

function regionBox(region, width, height) {
  const pct = (value, total) => `${(value / total) * 100}%`;
  const kind = threatClassLabel(region.threatClass);
  const number = h('span', { class: 'region-number' }, String(region.index + 1));
  const caption = h('span', { class: 'region-caption' }, kind ? `${percent(region.score)} · ${kind}` : percent(region.score));
  return h('div', {
    class: 'region-box',
    style: `left:${pct(region.x, width)};top:${pct(region.y, height)};width:${pct(region.w, width)};height:${pct(region.h, height)}`,
    // a box at the foot of the image has its caption above it, where the viewport does not cut it off
    'data-caption': region.y + region.h > height * 0.9 ? 'above' : null,
  }, number, caption);
}

/** Region list rows: number, label, score and threat class, and the Confirm / Reject toggle. */
export function regionRow(finding, region, verdict, onChoose) {
  const confirm = verdictButton('Confirm', 'CONFIRMED', 'region-confirm');
  const reject = verdictButton('Reject', 'REJECTED', 'region-reject');
  function verdictButton(label, value, testid) {
    return h('button', {
      type: 'button', class: 'btn btn-toggle', 'data-testid': testid, 'data-region': region.index,
      'data-scan-id': finding.scanId, 'data-verdict': value, onClick: () => update(onChoose(value)),
    }, label);
  }
  function update(current) {
    confirm.setAttribute('aria-pressed', String(current === 'CONFIRMED'));
    reject.setAttribute('aria-pressed', String(current === 'REJECTED'));
  }
  update(verdict);
  const kind = threatClassLabel(region.threatClass);
  return h('li', { class: 'region-row' },
    h('span', { class: 'region-number region-number-list' }, String(region.index + 1)),
    h('div', { class: 'region-text' },
      h('strong', {}, region.label || 'Region'),
      h('span', {}, `Score ${percent(region.score)}`, kind ? [' · ',
        h('span', { class: 'region-threat-class', 'data-testid': 'region-threat-class', 'data-region': region.index }, kind)] : null)),
    h('div', { class: 'toggle-group' }, confirm, reject));
}

/** Two pointers pinch (scale around their midpoint), one pointer pans. Transform origin is 0 0. */
function panZoom(viewport, stage) {
  let scale = 1;
  let tx = 0;
  let ty = 0;
  const pointers = new Map();
  let pinch = null;

  function apply() {
    const w = viewport.clientWidth;
    const hgt = viewport.clientHeight;
    tx = Math.min(0, Math.max(w - w * scale, tx));
    ty = Math.min(0, Math.max(hgt - hgt * scale, ty));
    stage.style.transform = `translate(${tx}px, ${ty}px) scale(${scale})`;
  }

  function zoomAt(x, y, nextScale) {
    const clamped = Math.min(MAX_SCALE, Math.max(MIN_SCALE, nextScale));
    tx = x - ((x - tx) * clamped) / scale;
    ty = y - ((y - ty) * clamped) / scale;
    scale = clamped;
    apply();
  }

  function local(e) {
    const rect = viewport.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  function pinchState() {
    const [a, b] = [...pointers.values()];
    return { distance: Math.hypot(a.x - b.x, a.y - b.y) || 1, mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
  }

  viewport.addEventListener('pointerdown', (e) => {
    viewport.setPointerCapture(e.pointerId);
    pointers.set(e.pointerId, local(e));
    pinch = pointers.size === 2 ? pinchState() : null;
  });

  viewport.addEventListener('pointermove', (e) => {
    const previous = pointers.get(e.pointerId);
    if (!previous) return;
    const point = local(e);
    pointers.set(e.pointerId, point);
    if (pointers.size === 1) {
      tx += point.x - previous.x;
      ty += point.y - previous.y;
      apply();
    } else if (pointers.size === 2 && pinch) {
      const now = pinchState();
      tx += now.mid.x - pinch.mid.x;
      ty += now.mid.y - pinch.mid.y;
      zoomAt(now.mid.x, now.mid.y, scale * (now.distance / pinch.distance));
      pinch = now;
    }
  });

  const end = (e) => {
    pointers.delete(e.pointerId);
    pinch = pointers.size === 2 ? pinchState() : null;
  };
  viewport.addEventListener('pointerup', end);
  viewport.addEventListener('pointercancel', end);

  viewport.addEventListener('wheel', (e) => {
    e.preventDefault();
    const p = local(e);
    zoomAt(p.x, p.y, scale * (e.deltaY < 0 ? 1.2 : 1 / 1.2));
  }, { passive: false });

  return {
    step(factor) {
      zoomAt(viewport.clientWidth / 2, viewport.clientHeight / 2, scale * factor);
    },
    reset() {
      scale = 1;
      tx = 0;
      ty = 0;
      apply();
    },
  };
}
