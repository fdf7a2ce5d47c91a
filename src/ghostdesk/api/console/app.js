// ghostdesk agent console. Plain JavaScript, no framework, nothing fetched from the internet: it talks
// only to its own API with the agent's token (kept in this tab's sessionStorage, sent as a Bearer
// token). Every value from the API is put on the page as text, never as HTML.
"use strict";

(() => {
  const TOKEN_KEY = "ghostdesk.token";
  const WAITING = "pending_approval,needs_attention";
  const OPEN = new Set(["pending_approval", "needs_attention"]);
  const SOON_MS = 4 * 3600 * 1000; // under four hours left: amber
  const CLOCK_TICK_MS = 30 * 1000;
  const STATUS_WORDS = {
    pending_approval: "Waiting for approval",
    needs_attention: "Needs attention",
    sending: "Sending",
    sent: "Sent",
    rejected: "Rejected",
    no_response_needed: "No response needed",
  };
  const EVIDENCE_SKIP = new Set(["reason", "lookups"]);

  const state = {
    token: null,
    filter: WAITING,
    drafts: [],
    cursor: null,
    current: null, // the open draft (detail)
    clockOffset: 0, // server time minus this machine's time, so the clocks agree with the deadline
    dirty: false,
    busy: false,
    evidenceText: "",
  };

  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------------------------------------- API

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || `The desk answered with HTTP ${status}.`);
      this.status = status;
      this.body = body || {};
    }
  }

  async function api(path, { method = "GET", body, accept = "application/json" } = {}) {
    const headers = { Accept: accept, Authorization: `Bearer ${state.token}` };
    const init = { method, headers, cache: "no-store", credentials: "omit", redirect: "error" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (_) {
      throw new ApiError(0, { message: "The desk cannot be reached. Check the connection and try again." });
    }
    if (response.status === 401) {
      logout("The token was not accepted (wrong, or expired). Log in again.");
      throw new ApiError(401, { message: "Unauthorized", code: "unauthorized" });
    }
    const type = response.headers.get("Content-Type") || "";
    const payload = type.includes("json") ? await response.json().catch(() => ({})) : await response.text();
    if (!response.ok) {
      throw new ApiError(response.status, typeof payload === "object" ? payload : { message: payload });
    }
    return payload;
  }

  // ------------------------------------------------------------------------------------ small helpers

  function announce(message) {
    const status = $("status");
    status.textContent = "";
    // A fresh text node, so screen readers announce a repeated message too.
    window.setTimeout(() => { status.textContent = message; }, 30);
  }

  function now() {
    return Date.now() + state.clockOffset;
  }

  function span(text, className) {
    const element = document.createElement("span");
    element.textContent = text;
    if (className) element.className = className;
    return element;
  }

  function formatDuration(ms) {
    const minutes = Math.floor(Math.abs(ms) / 60000);
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const mins = minutes % 60;
    if (days > 0) return `${days} d ${hours} h`;
    if (hours > 0) return `${hours} h ${mins} min`;
    if (mins > 0) return `${mins} min`;
    return "under a minute";
  }

  // The clock of a draft: time left before Amazon's deadline, or how long it is overdue.
  function clock(deadline, status) {
    if (status && !OPEN.has(status)) {
      return { text: STATUS_WORDS[status] || status, level: "done" };
    }
    const left = Date.parse(deadline) - now();
    if (left < 0) return { text: `Overdue by ${formatDuration(left)}`, level: "overdue" };
    return { text: `${formatDuration(left)} left`, level: left < SOON_MS ? "soon" : "ok" };
  }

  function paintClock(element) {
    const { text, level } = clock(element.dataset.deadline, element.dataset.status);
    element.textContent = text;
    element.classList.remove("overdue", "soon", "ok", "done");
    element.classList.add(level);
    const item = element.closest(".queue-item");
    if (item) {
      item.classList.toggle("overdue", level === "overdue");
      item.classList.toggle("soon", level === "soon");
    }
  }

  function paintClocks() {
    document.querySelectorAll("[data-deadline]").forEach(paintClock);
    if (state.token) $("queue-count").textContent = queueSummary();
  }

  function localTime(iso) {
    if (!iso) return "—";
    const date = new Date(iso);
    return date.toLocaleString(undefined, {
      weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit",
    });
  }

  function humanize(key) {
    const words = key.replace(/_/g, " ");
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function factValue(value) {
    if (value === null || value === undefined || value === "") return "—";
    if (Array.isArray(value)) return value.length ? value.map(factValue).join(", ") : "—";
    if (typeof value === "object") {
      return Object.entries(value).map(([k, v]) => `${humanize(k)}: ${factValue(v)}`).join("; ");
    }
    if (typeof value === "boolean") return value ? "yes" : "no";
    return String(value);
  }

  function fillFacts(list, pairs) {
    list.replaceChildren();
    for (const [name, value] of pairs) {
      const dt = document.createElement("dt");
      dt.textContent = name;
      const dd = document.createElement("dd");
      dd.textContent = factValue(value);
      list.append(dt, dd);
    }
    if (!pairs.length) {
      const dd = document.createElement("dd");
      dd.textContent = "—";
      list.append(document.createElement("dt"), dd);
    }
  }

  // ---------------------------------------------------------------------------------------- log in/out

  function showLogin(message) {
    $("desk-view").hidden = true;
    $("logout").hidden = true;
    $("shortcuts-toggle").hidden = true;
    $("shortcuts").hidden = true;
    $("login-view").hidden = false;
    $("login-error").textContent = message || "";
    $("token").value = "";
    $("token").focus();
  }

  function logout(message) {
    state.token = null;
    state.current = null;
    state.drafts = [];
    state.dirty = false;
    sessionStorage.removeItem(TOKEN_KEY);
    showLogin(message);
  }

  // An alert links to one draft as <console>/#draft=<id>.
  function linkedDraft() {
    const found = /^#draft=(.+)$/.exec(window.location.hash);
    return found ? decodeURIComponent(found[1]) : null;
  }

  async function login(token) {
    state.token = token;
    try {
      await loadQueue();
    } catch (error) {
      if (error.status !== 401) {
        state.token = null;
        $("login-error").textContent = error.message;
      }
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    $("login-view").hidden = true;
    $("desk-view").hidden = false;
    $("logout").hidden = false;
    $("shortcuts-toggle").hidden = false;
    announce(`Logged in. ${queueSummary()}`);
    const linked = linkedDraft();
    if (linked) {
      await openDraft(linked, { focus: "draft" });
    } else if (state.drafts.length) {
      await openDraft(state.drafts[0].id, { focus: "draft" });
    } else {
      $("refresh").focus();
    }
  }

  // --------------------------------------------------------------------------------------------- queue

  function byDeadline(a, b) {
    return Date.parse(a.deadline) - Date.parse(b.deadline) || a.id.localeCompare(b.id);
  }

  function queueSummary() {
    const n = state.drafts.length;
    if (state.filter !== WAITING) return `${n} draft${n === 1 ? "" : "s"} shown.`;
    if (!n) return "The queue is empty: every buyer has an answer.";
    const overdue = state.drafts.filter((d) => Date.parse(d.deadline) < now()).length;
    return `${n} draft${n === 1 ? "" : "s"} waiting` + (overdue ? `, ${overdue} overdue.` : ".");
  }

  async function loadQueue({ append = false } = {}) {
    const params = new URLSearchParams({ status: state.filter, limit: "100" });
    if (append && state.cursor) params.set("cursor", state.cursor);
    const body = await api(`/api/drafts?${params}`);
    state.clockOffset = Date.parse(body.now) - Date.now();
    state.drafts = (append ? state.drafts.concat(body.drafts) : body.drafts).sort(byDeadline);
    state.cursor = body.next_cursor;
    renderQueue();
  }

  function renderQueue() {
    const list = $("queue-list");
    list.replaceChildren();
    for (const draft of state.drafts) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "queue-item";
      button.dataset.id = draft.id;
      const current = state.current && state.current.id === draft.id;
      button.setAttribute("aria-current", current ? "true" : "false");
      const time = span("", "clock");
      time.dataset.deadline = draft.deadline;
      time.dataset.status = draft.status;
      button.append(
        time,
        span(draft.case_title || draft.case, "case"),
        span(`${draft.order_id || "no order ID"} · ${draft.language}`, "order"),
        span(draft.subject, "subject"),
      );
      if (draft.status === "needs_attention") button.append(span("Needs attention", "badge needs_attention"));
      for (const [text, kind] of clockBadges(draft)) button.append(span(text, `badge ${kind}`));
      button.addEventListener("click", () => openDraft(draft.id, { focus: "draft" }));
      item.append(button);
      list.append(item);
      paintClock(time);
    }
    $("queue-count").textContent = queueSummary();
    $("more").hidden = !state.cursor;
  }

  // The marks ghostdesk put on a draft by itself: the clock's escalation or breach, a follow-up's news.
  function clockBadges(draft) {
    const badges = [];
    if (draft.breached_at) badges.push(["Deadline missed", "breached"]);
    else if (draft.escalated_at) badges.push(["Escalated", "escalated"]);
    if (draft.follow_up_of) badges.push(["Follow-up", "updated"]);
    else if (draft.order_news) badges.push(["Updated: order news", "updated"]);
    return badges;
  }

  function renderNotes(draft) {
    const list = $("draft-notes");
    list.replaceChildren();
    const notes = [];
    if (draft.breached_at) {
      notes.push([`Amazon's deadline passed with no reply sent (recorded ${localTime(draft.breached_at)}).`, "breached"]);
    } else if (draft.escalated_at) {
      notes.push([`Escalated ${localTime(draft.escalated_at)}: the deadline is near.`, ""]);
    }
    const news = draft.order_news;
    if (draft.follow_up_of) {
      notes.push([`Follow-up to the reply already sent (draft ${draft.follow_up_of})${news ? `: ${news.summary}` : ""}.`, ""]);
    } else if (news) {
      notes.push([`Brought up to date ${localTime(news.at)}: ${news.summary}. The earlier text is in the history.`, ""]);
    }
    for (const [text, kind] of notes) {
      const item = document.createElement("li");
      item.textContent = text;
      if (kind) item.className = kind;
      list.append(item);
    }
    list.hidden = !notes.length;
  }

  function queueButtons() {
    return Array.from(document.querySelectorAll("#queue-list .queue-item"));
  }

  function move(step) {
    const buttons = queueButtons();
    if (!buttons.length) return;
    const index = state.current ? buttons.findIndex((b) => b.dataset.id === state.current.id) : -1;
    const next = buttons[Math.min(buttons.length - 1, Math.max(0, index + step))];
    next.focus();
    openDraft(next.dataset.id);
  }

  // -------------------------------------------------------------------------------------- one draft

  async function openDraft(id, { focus } = {}) {
    if (state.dirty && state.current && state.current.id !== id) {
      if (!window.confirm("Discard the unsaved changes to this draft?")) return;
    }
    let draft;
    try {
      draft = await api(`/api/drafts/${encodeURIComponent(id)}`);
    } catch (error) {
      announce(error.message);
      return;
    }
    renderDraft(draft);
    loadHistory(draft.id);
    if (focus === "draft") $("draft").focus();
  }

  function renderDraft(draft) {
    state.current = draft;
    state.dirty = false;
    $("draft-empty").hidden = true;
    $("draft-body").hidden = false;
    $("action-error").replaceChildren();

    $("draft-title").textContent = draft.subject;
    $("draft-to").textContent = draft.to;
    $("draft-order").textContent = draft.order_id || "unknown";
    const badge = $("draft-status");
    badge.textContent = STATUS_WORDS[draft.status] || draft.status;
    badge.className = `badge ${draft.status}`;
    const time = $("draft-clock");
    time.dataset.deadline = draft.deadline;
    time.dataset.status = draft.status;
    paintClock(time);
    $("draft-due").textContent = `due ${localTime(draft.deadline)}`;
    renderDecision(draft);
    renderNotes(draft);
    renderMessage(draft.message);
    renderDiagnosis(draft);
    renderReply(draft);
    for (const button of queueButtons()) {
      button.setAttribute("aria-current", button.dataset.id === draft.id ? "true" : "false");
    }
  }

  function renderDecision(draft) {
    const box = $("draft-decision");
    let text = "";
    if (draft.status === "sent") {
      text = `Sent ${localTime(draft.sent_at)}, approved by ${draft.decided_by || "an agent"}.`;
    } else if (draft.status === "rejected") {
      text = `Rejected by ${draft.decided_by || "an agent"} ${localTime(draft.decided_at)}: ${draft.status_reason || ""}`;
    } else if (draft.status === "no_response_needed") {
      text = `Closed without a reply by ${draft.decided_by || "an agent"} ${localTime(draft.decided_at)}.`;
    } else if (draft.status === "sending") {
      text = "This reply is being sent right now.";
    } else if (draft.status_reason) {
      text = `Needs attention: ${draft.status_reason}`;
    }
    box.textContent = text;
    box.hidden = !text;
  }

  function renderMessage(message) {
    if (!message) {
      fillFacts($("message-facts"), []);
      $("message-text").textContent = "The buyer's message is no longer stored.";
      $("message-quoted-box").hidden = true;
      return;
    }
    const ack = message.acknowledgement || {};
    const ackText = ack.status === "sent"
      ? `sent ${localTime(ack.sent_at)}`
      : ack.status ? `${ack.status}${ack.reason ? ` (${ack.reason})` : ""}` : "—";
    fillFacts($("message-facts"), [
      ["From", message.from_name ? `${message.from_name} <${message.from_address}>` : message.from_address],
      ["Received", localTime(message.received_at)],
      ["Marketplace", [message.marketplace || "—", message.language].join(" · language ")],
      ["Acknowledgement", ackText],
    ]);
    $("message-text").textContent = message.fresh_text || message.text || "(empty)";
    $("message-quoted").textContent = message.quoted_text || "";
    $("message-quoted-box").hidden = !message.quoted_text;
  }

  function renderDiagnosis(draft) {
    const diagnosis = draft.diagnosis || { evidence: {} };
    $("diagnosis-case").textContent = diagnosis.case_title || draft.case_title || draft.case;
    const found = diagnosis.evidence || {};
    const likely = found.likely_cause ? ` Likely cause: ${humanize(found.likely_cause).toLowerCase()}.` : "";
    $("diagnosis-reason").textContent = `${found.reason || ""}.${likely}`.replace(/^\.$/, "");
    const order = draft.order;
    fillFacts($("order-facts"), order ? [
      ["Order ID", order.order_id],
      ["Status", order.status],
      ["Placed", localTime(order.created)],
      ["Fulfilled by", order.fulfilled_by],
      ["Marketplace", order.marketplace_name || order.marketplace_id],
      ["Items", order.item_titles],
      ["Carrier", order.carrier],
      ["Tracking", order.tracking_number],
    ].filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length)) : [
      ["Order", "none found"],
    ]);
    const evidence = diagnosis.evidence || {};
    const pairs = Object.entries(evidence)
      .filter(([key]) => !EVIDENCE_SKIP.has(key))
      .map(([key, value]) => [humanize(key), value]);
    for (const lookup of evidence.lookups || []) {
      pairs.push([`Looked up ${lookup.kind || ""}`.trim(), `${lookup.identifier}: ${lookup.result}`]);
    }
    fillFacts($("diagnosis-evidence"), pairs);
    $("diagnosis-evidence-summary").textContent = `All evidence (${pairs.length} facts)`;
  }

  function renderReply(draft) {
    $("macro-name").textContent = draft.macro;
    $("macro-version").textContent = String(draft.macro_version);
    $("macro-title").textContent = draft.macro_title || "";
    renderFindings(draft.findings || []);
    renderText(draft.body, draft.findings || []);

    const open = OPEN.has(draft.status);
    const fields = $("slot-fields");
    fields.querySelectorAll(".slot").forEach((node) => node.remove());
    for (const slot of draft.slots || []) {
      const box = document.createElement("div");
      box.className = "slot";
      const id = `slot-${slot.name}`;
      const label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = slot.label;
      const hint = span(slot.description || "", "hint");
      hint.id = `${id}-hint`;
      const field = document.createElement(slot.single_line ? "input" : "textarea");
      field.id = id;
      field.name = slot.name;
      field.value = slot.value || "";
      field.dataset.original = slot.value || "";
      if (slot.single_line) field.type = "text";
      else field.rows = 3;
      if (slot.max_length) field.maxLength = slot.max_length;
      field.disabled = !open;
      field.setAttribute("aria-describedby", `${id}-hint ${id}-count`);
      const count = document.createElement("div");
      count.className = "count";
      count.id = `${id}-count`;
      const updateCount = () => {
        count.textContent = slot.max_length ? `${field.value.length} / ${slot.max_length}` : "";
      };
      field.addEventListener("input", () => {
        updateCount();
        markDirty();
      });
      updateCount();
      box.append(label, hint, field, count);
      fields.append(box);
    }
    for (const id of ["save", "approve", "reject", "no-response"]) $(id).disabled = !open;
    $("dirty-note").hidden = true;
  }

  function renderFindings(findings) {
    const list = $("findings");
    list.replaceChildren();
    for (const finding of findings) {
      const item = document.createElement("li");
      item.append(span(`“${finding.text}”`, "finding-text"), document.createTextNode(` ${finding.explanation || finding.rule}`));
      list.append(item);
    }
    $("findings-box").hidden = !findings.length;
  }

  // The reply text, with the words a finding names marked.
  function renderText(text, findings) {
    const target = $("reply-text");
    target.replaceChildren();
    const needles = findings.map((f) => f.text).filter(Boolean);
    let rest = text || "";
    while (rest) {
      let best = -1;
      let needle = "";
      for (const candidate of needles) {
        const at = rest.indexOf(candidate);
        if (at >= 0 && (best < 0 || at < best)) {
          best = at;
          needle = candidate;
        }
      }
      if (best < 0) {
        target.append(document.createTextNode(rest));
        break;
      }
      target.append(document.createTextNode(rest.slice(0, best)));
      const mark = document.createElement("mark");
      mark.textContent = needle;
      target.append(mark);
      rest = rest.slice(best + needle.length);
    }
  }

  function slotFields() {
    return Array.from(document.querySelectorAll("#slot-fields input, #slot-fields textarea"));
  }

  function changedSlots() {
    const slots = {};
    for (const field of slotFields()) {
      if (field.value !== field.dataset.original) slots[field.name] = field.value;
    }
    return slots;
  }

  function markDirty() {
    state.dirty = Object.keys(changedSlots()).length > 0;
    $("dirty-note").hidden = !state.dirty;
  }

  async function loadHistory(draftId) {
    const list = $("history");
    list.replaceChildren();
    let body;
    try {
      body = await api(`/api/audit?draft_id=${encodeURIComponent(draftId)}`);
    } catch (_) {
      return;
    }
    if (!state.current || state.current.id !== draftId) return;
    for (const entry of body.entries) {
      const item = document.createElement("li");
      const who = entry.actor.email || entry.actor.username || entry.actor.sub;
      const changed = Object.keys(entry.changes || {})
        .filter((k) => k.startsWith("slots."))
        .map((k) => humanize(k.slice(6)).toLowerCase());
      let text = `${localTime(entry.at)} · ${who} · ${humanize(entry.action).toLowerCase()}`;
      if (changed.length) text += `: ${changed.join(", ")}`;
      if (entry.note) text += `: ${entry.note}`;
      item.textContent = text;
      list.append(item);
    }
    if (!body.entries.length) {
      const item = document.createElement("li");
      item.textContent = "No agent has acted on this draft yet.";
      list.append(item);
    }
  }

  // ---------------------------------------------------------------------------------------- actions

  function showError(error) {
    const box = $("action-error");
    box.replaceChildren();
    const findings = (error.body && error.body.findings) || [];
    const message = document.createElement("p");
    // A refused edit lists its findings below; the headline says what happened in a few words.
    message.textContent = error.body && error.body.code === "compliance"
      ? "Not saved: this text would break Amazon's messaging rules."
      : error.message;
    box.append(message);
    if (findings.length) {
      const list = document.createElement("ul");
      for (const finding of findings) {
        const item = document.createElement("li");
        item.textContent = `“${finding.text}”: ${finding.explanation || finding.rule}`;
        list.append(item);
      }
      box.append(list);
    }
  }

  function setBusy(busy) {
    state.busy = busy;
    const open = state.current && OPEN.has(state.current.status);
    for (const id of ["save", "approve", "reject", "no-response"]) $(id).disabled = busy || !open;
  }

  function canAct() {
    return state.current && OPEN.has(state.current.status) && !state.busy;
  }

  async function save({ quiet = false } = {}) {
    if (!canAct()) return false;
    const slots = changedSlots();
    if (!Object.keys(slots).length) {
      if (!quiet) announce("Nothing changed, nothing to save.");
      return true;
    }
    $("action-error").replaceChildren();
    setBusy(true);
    try {
      const draft = await api(`/api/drafts/${encodeURIComponent(state.current.id)}/slots`, {
        method: "PUT",
        body: { slots, revision: state.current.revision },
      });
      renderDraft(draft);
      loadHistory(draft.id);
      announce("Saved. The reply was checked again and follows Amazon's rules.");
      return true;
    } catch (error) {
      if (error.status !== 401) showError(error);
      return false;
    } finally {
      setBusy(false);
    }
  }

  // The one dialog that asks before a decision: approve (send), reject (with a reason), no response.
  let pendingDecision = null;

  function ask({ title, text, confirm, reason, reasonLabel, run }) {
    if (!canAct()) return;
    pendingDecision = { run, reasonRequired: reason === "required" };
    $("decide-title").textContent = title;
    $("decide-text").textContent = text;
    $("decide-confirm").textContent = confirm;
    $("decide-error").textContent = "";
    $("decide-reason-box").hidden = !reason;
    $("decide-reason").value = "";
    $("decide-reason").required = reason === "required";
    $("decide-reason-label").textContent = reasonLabel || "Reason";
    const dialog = $("decide-dialog");
    dialog.showModal();
    (reason ? $("decide-reason") : $("decide-confirm")).focus();
  }

  async function confirmDecision() {
    if (!pendingDecision) return;
    const reason = $("decide-reason").value.trim();
    if (pendingDecision.reasonRequired && !reason) {
      $("decide-error").textContent = "Please give a reason: it is kept as evidence.";
      $("decide-reason").focus();
      return;
    }
    const { run } = pendingDecision;
    pendingDecision = null;
    $("decide-dialog").close();
    await run(reason);
  }

  function askApprove() {
    if (!state.current) return;
    const unsaved = state.dirty ? " Your unsaved changes are saved first." : "";
    ask({
      title: "Send this reply?",
      text: `It goes to ${state.current.to} now, from the shop's approved address.${unsaved}`,
      confirm: "Send reply",
      run: approve,
    });
  }

  async function approve() {
    if (state.dirty && !(await save({ quiet: true }))) return;
    const draft = state.current;
    setBusy(true);
    try {
      const sent = await api(`/api/drafts/${encodeURIComponent(draft.id)}/approve`, { method: "POST" });
      const already = sent.result === "already_sent" ? " (it had already been sent)" : "";
      await afterDecision(sent, `Reply sent to ${sent.to}${already}.`);
    } catch (error) {
      if (error.status === 401) return;
      showError(error);
      if ([409, 502, 503].includes(error.status)) await refreshCurrent();
    } finally {
      setBusy(false);
    }
  }

  function askReject() {
    ask({
      title: "Reject this draft?",
      text: "Nothing is sent to the buyer. Say why, so the next person (and any A-to-z claim) knows.",
      confirm: "Reject draft",
      reason: "required",
      reasonLabel: "Reason for rejecting",
      run: (reason) => closeDraft("reject", reason, "Draft rejected. Nothing was sent."),
    });
  }

  function askNoResponse() {
    ask({
      title: "Close without a reply?",
      text: "Mark this message as needing no response. Nothing is sent to the buyer.",
      confirm: "Close without reply",
      reason: "optional",
      reasonLabel: "Note (optional)",
      run: (reason) => closeDraft("no-response-needed", reason, "Closed without a reply."),
    });
  }

  async function closeDraft(action, reason, message) {
    const draft = state.current;
    setBusy(true);
    try {
      const closed = await api(`/api/drafts/${encodeURIComponent(draft.id)}/${action}`, {
        method: "POST",
        body: { reason },
      });
      await afterDecision(closed, message);
    } catch (error) {
      if (error.status === 401) return;
      showError(error);
      if (error.status === 409) await refreshCurrent();
    } finally {
      setBusy(false);
    }
  }

  // After a decision the queue is reloaded and the most urgent remaining draft opens.
  async function afterDecision(decided, message) {
    state.dirty = false;
    await loadQueue();
    const next = state.filter === WAITING ? state.drafts.find((d) => d.id !== decided.id) : null;
    if (next) {
      await openDraft(next.id);
      announce(`${message} Next: ${next.case_title || next.case}, ${clock(next.deadline, next.status).text}.`);
    } else {
      renderDraft(decided);
      loadHistory(decided.id);
      announce(`${message} ${queueSummary()}`);
    }
    $("draft").focus();
  }

  async function refreshCurrent() {
    if (!state.current) return;
    try {
      const draft = await api(`/api/drafts/${encodeURIComponent(state.current.id)}`);
      const error = $("action-error").cloneNode(true);
      renderDraft(draft);
      $("action-error").replaceWith(error);
      loadHistory(draft.id);
      await loadQueue();
    } catch (_) {
      // the error is already on screen
    }
  }

  // ---------------------------------------------------------------------------------------- evidence

  async function openEvidence() {
    if (!state.current) return;
    try {
      state.evidenceText = await api(`/api/cases/${encodeURIComponent(state.current.case_id)}/evidence?format=text`, {
        accept: "text/markdown",
      });
    } catch (error) {
      if (error.status !== 401) announce(error.message);
      return;
    }
    $("evidence-text").textContent = state.evidenceText;
    $("evidence-dialog").showModal();
    $("evidence-close").focus();
  }

  function downloadEvidence() {
    const blob = new Blob([state.evidenceText], { type: "text/markdown" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `evidence-${state.current.order_id || state.current.case_id}.md`;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  // ---------------------------------------------------------------------------------------- keyboard

  function toggleShortcuts(show) {
    const panel = $("shortcuts");
    panel.hidden = show === undefined ? !panel.hidden : !show;
    $("shortcuts-toggle").setAttribute("aria-expanded", String(!panel.hidden));
  }

  function onKey(event) {
    if ($("desk-view").hidden) return;
    const key = event.key;
    const command = event.ctrlKey || event.metaKey;
    if (document.querySelector("dialog[open]")) return; // dialogs handle their own keys (Esc closes)
    if (command && key.toLowerCase() === "s") {
      event.preventDefault();
      save();
      return;
    }
    if (command && key === "Enter") {
      event.preventDefault();
      askApprove();
      return;
    }
    const target = event.target;
    if (command || event.altKey || target.closest("input, textarea, select, [contenteditable='true']")) return;
    if ((key === "ArrowDown" || key === "ArrowUp") && target.closest("#queue-list")) {
      event.preventDefault();
      move(key === "ArrowDown" ? 1 : -1);
      return;
    }
    const actions = {
      j: () => move(1),
      k: () => move(-1),
      e: () => { const first = slotFields()[0]; if (first && !first.disabled) first.focus(); },
      a: askApprove,
      r: askReject,
      n: askNoResponse,
      v: openEvidence,
      "/": () => $("filter").focus(),
      "?": () => toggleShortcuts(),
      Escape: () => toggleShortcuts(false),
    };
    const action = actions[key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  // ------------------------------------------------------------------------------------------ wiring

  function start() {
    $("login-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const token = $("token").value.trim();
      if (!token) {
        $("login-error").textContent = "Paste your token first.";
        $("token").focus();
        return;
      }
      $("login-error").textContent = "";
      login(token);
    });
    $("logout").addEventListener("click", () => logout("Logged out."));
    $("refresh").addEventListener("click", async () => {
      await loadQueue();
      announce(`Queue refreshed. ${queueSummary()}`);
    });
    $("more").addEventListener("click", () => loadQueue({ append: true }));
    $("filter").addEventListener("change", async () => {
      state.filter = $("filter").value;
      await loadQueue();
      announce(queueSummary());
    });
    $("slots-form").addEventListener("submit", (event) => {
      event.preventDefault();
      save();
    });
    $("approve").addEventListener("click", askApprove);
    $("reject").addEventListener("click", askReject);
    $("no-response").addEventListener("click", askNoResponse);
    $("decide-confirm").addEventListener("click", confirmDecision);
    $("decide-cancel").addEventListener("click", () => {
      pendingDecision = null;
      $("decide-dialog").close();
    });
    $("decide-reason").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) confirmDecision();
    });
    $("evidence-open").addEventListener("click", openEvidence);
    $("evidence-close").addEventListener("click", () => $("evidence-dialog").close());
    $("evidence-download").addEventListener("click", downloadEvidence);
    $("shortcuts-toggle").addEventListener("click", () => toggleShortcuts());
    document.addEventListener("keydown", onKey);
    window.setInterval(paintClocks, CLOCK_TICK_MS);
    window.addEventListener("beforeunload", (event) => {
      if (state.dirty) event.preventDefault();
    });

    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) login(saved);
    else showLogin("");
  }

  start();
})();
