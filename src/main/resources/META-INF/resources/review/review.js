import { countryName } from "/countries.js";

const API = "/api/v1";
const $ = (id) => document.getElementById(id);
const text = (tag, content) => Object.assign(document.createElement(tag), { textContent: content ?? "" });
let token = sessionStorage.getItem("kyc-token");
let roles = [];
let cursor = null;
let current = null; // { id, etag }
const objectUrls = [];

function authHeaders(extra = {}) {
  return { Authorization: `Bearer ${token}`, ...extra };
}

function claims(jwt) {
  try { return JSON.parse(atob(jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))); } catch { return {}; }
}

async function signIn(event) {
  event?.preventDefault();
  token = token || $("token").value.trim();
  const response = await fetch(`${API}/review/applications?limit=1`, { headers: authHeaders() });
  if (!response.ok) {
    $("signin-error").textContent = response.status === 403 ? "This token does not carry the reviewer role." : "This token was refused (expired, or from another issuer).";
    token = null;
    sessionStorage.removeItem("kyc-token");
    return;
  }
  sessionStorage.setItem("kyc-token", token);
  roles = claims(token).groups || [];
  $("signin").hidden = true;
  loadQueue(true);
}

function age(since) {
  const hours = Math.floor((Date.now() - Date.parse(since)) / 3600000);
  return hours < 1 ? "under an hour" : hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} days`;
}

async function loadQueue(reset) {
  if (reset) { cursor = null; $("queue-rows").replaceChildren(); }
  $("application").hidden = true;
  $("renewal").hidden = true;
  $("queue").hidden = false;
  if (reset) loadRenewals();
  const params = new URLSearchParams({ status: $("queue-status").value, limit: "20" });
  if (cursor) params.set("cursor", cursor);
  const page = await (await fetch(`${API}/review/applications?${params}`, { headers: authHeaders() })).json();
  for (const item of page.items) {
    const row = document.createElement("tr");
    const link = Object.assign(document.createElement("a"), { href: "#", textContent: item.name });
    link.addEventListener("click", (e) => { e.preventDefault(); openApplication(item.id); });
    const flags = document.createElement("td");
    item.flags.forEach((f) => flags.append(Object.assign(text("span", f), { className: "flag" })));
    const who = document.createElement("td");
    who.append(link);
    row.append(who, text("td", countryName(item.countryOfResidence)), flags, text("td", age(item.submittedAt)));
    $("queue-rows").append(row);
  }
  cursor = page.nextCursor || null;
  $("more").hidden = !cursor;
}

function definition(list, term, value) {
  list.append(text("dt", term), text("dd", value));
}

async function openApplication(id, notice = "") {
  const response = await fetch(`${API}/review/applications/${id}`, { headers: authHeaders() });
  const app = await response.json();
  current = { id, etag: response.headers.get("ETag") };
  $("queue").hidden = true;
  $("application").hidden = false;
  $("notice").textContent = notice;
  $("decision-error").textContent = "";
  $("reason").value = "";
  const p = app.person;
  $("app-title").textContent = app.organization ? app.organization.legalName : p.fullLegalName;
  const list = document.createElement("dl");
  if (app.organization) {
    definition(list, "Organisation", `${app.organization.legalName}, ${app.organization.registrationNumber}`);
    definition(list, "Incorporated in", countryName(app.organization.countryOfIncorporation));
    definition(list, "Principal place of business", countryName(app.organization.principalPlaceOfBusiness));
    definition(list, "Representative", p.fullLegalName);
  } else {
    definition(list, "Name", p.fullLegalName);
  }
  definition(list, "Date of birth", p.dateOfBirth);
  definition(list, "Citizenships", p.citizenships.map(countryName).join(", "));
  definition(list, "Residence", `${countryName(p.countryOfResidence)}${p.residenceSubdivision ? ` (${p.residenceSubdivision})` : ""}`);
  definition(list, "Tax residences", p.taxResidences.map(countryName).join(", "));
  definition(list, "Green card", p.usPermanentResident ? "yes" : "no");
  definition(list, "Identity document", `${p.idDocument.type} ${p.idDocument.number}, ${countryName(p.idDocument.issuingCountry)}, valid until ${p.idDocument.expiryDate}`);
  definition(list, "E-mail", app.email);
  app.wallets.forEach((w) => definition(list, "Wallet", walletText(w)));
  definition(list, "Flags", app.flags.join(", ") || "none");
  app.reasons.forEach((r) => definition(list, "Reason", r.message));
  definition(list, "Policy version", app.policyVersion);
  definition(list, "Status", app.status);
  $("details").replaceChildren(list);
  renderSanctions(app.sanctions, "sanctions", (hitId, reason, error) => dismissHit(`${API}/review/applications/${id}`, current, hitId, reason, error,
    (message) => openApplication(id, message)));
  $("approvals").textContent = approvalsText(app);
  $("documents").replaceChildren(...await previews(`${API}/review/applications/${id}/documents`, app.documents));
  $("admin").hidden = !roles.includes("admin");
  if (roles.includes("admin")) loadAudit(id);
}

function walletText(w) {
  const proof = w.proven ? `control proven ${w.provenAt}` : "control NOT proven";
  const claim = w.releasedAt ? `claim released by ${w.releasedBy} (${w.releaseReason}): not whitelisted with this application`
    : w.taken ? "held by another application: not whitelisted with this one" : w.held ? "held" : "not held yet";
  return `${w.address} — ${proof}; ${claim}`;
}

function approvalsText(decided) {
  const approvals = decided.decisions.filter((d) => d.decision === "APPROVE");
  return `Approvals: ${approvals.length} of ${decided.approvalsRequired}` +
    (approvals.length ? ` — first approved by ${approvals[0].reviewer}` : "") + (decided.approvalsRequired > 1 ? " (four eyes: two different reviewers)" : "");
}

/** Each document of a case, as uploaded, beside the data (blob: URLs, revoked when the next case opens). */
async function previews(base, documents) {
  objectUrls.splice(0).forEach(URL.revokeObjectURL);
  const figures = [];
  for (const d of documents) {
    const blob = await (await fetch(`${base}/${d.kind}`, { headers: authHeaders() })).blob();
    const url = URL.createObjectURL(blob);
    objectUrls.push(url);
    const figure = document.createElement("figure");
    const viewer = d.contentType === "application/pdf"
      ? Object.assign(document.createElement("iframe"), { src: url, title: `${d.kind} document` })
      : Object.assign(document.createElement("img"), { src: url, alt: `${d.kind} document as uploaded` });
    figure.append(viewer, text("figcaption", `${d.kind}, ${d.contentType}, ${d.sizeBytes} bytes, uploaded ${d.uploadedAt}`));
    figures.push(figure);
  }
  return figures;
}

/** The screening and its hits into the containers `${prefix}-lists` and `${prefix}-hits`; open name hits get a dismissal form. */
function renderSanctions(sanctions, prefix, dismiss) {
  if (!sanctions) {
    $(`${prefix}-lists`).textContent = "Not screened.";
    $(`${prefix}-hits`).replaceChildren();
    return;
  }
  $(`${prefix}-lists`).textContent = `Screened ${sanctions.screenedAt} against ` +
    sanctions.lists.map((l) => `${l.list} (as of ${l.asOf}, sha256 ${l.sha256.slice(0, 12)}…)`).join(", ") +
    `; names scoring ${sanctions.threshold} or more are hits.` + (sanctions.hits.length ? "" : " No hits.");
  const hits = sanctions.hits.map((hit) => {
    const card = document.createElement("section");
    card.className = "hit";
    card.setAttribute("aria-label", `Hit on ${hit.list} entry ${hit.entryId}`);
    const e = hit.entry;
    const list = document.createElement("dl");
    definition(list, "Screened", `${hit.subject.toLowerCase()}: ${hit.screened}`);
    definition(list, "Listed", `${hit.list} entry ${hit.entryId}: ${hit.matchedName}${hit.subject === "WALLET" ? "" : ` (score ${hit.score})`}`);
    definition(list, "Why", hit.why.join("; "));
    definition(list, "Entry", `${e.type}: ${e.name}`);
    if (e.aliases.length) definition(list, "Aliases", e.aliases.join("; "));
    if (e.weakAliases.length) definition(list, "Weak aliases", e.weakAliases.join("; "));
    if (e.birthDates.length) definition(list, "Dates of birth", e.birthDates.join(", "));
    if (e.programs.length) definition(list, "Programs", e.programs.join(", "));
    if (e.countries.length) definition(list, "Countries", e.countries.join(", "));
    if (e.remarks) definition(list, "Remarks", e.remarks);
    card.append(list);
    if (hit.dismissedAt) {
      card.append(text("p", `Dismissed by ${hit.dismissedBy} at ${hit.dismissedAt}: ${hit.dismissalReason}`));
    } else if (hit.subject !== "WALLET") {
      const id = `dismiss-${hit.id}`;
      const label = Object.assign(text("label", "Why this is not the applicant"), { htmlFor: id });
      const reason = Object.assign(document.createElement("textarea"), { id, rows: 2, maxLength: 2000 });
      const error = Object.assign(text("p", ""), { className: "error" });
      error.setAttribute("role", "alert");
      const button = Object.assign(text("button", "Dismiss as a false positive"), { type: "button", className: "secondary" });
      button.addEventListener("click", () => dismiss(hit.id, reason.value.trim(), error));
      card.append(label, reason, error, button);
    }
    return card;
  });
  $(`${prefix}-hits`).replaceChildren(...hits);
}

/** Dismisses a hit of the case at `base` (an application or a renewal) as seen (`seen.etag`); `reopen` shows the case again. */
async function dismissHit(base, seen, hitId, reason, error, reopen) {
  if (!reason) { error.textContent = "Give the reason: it goes into the audit trail."; return; }
  const response = await fetch(`${base}/sanctions-hits/${hitId}/dismissal`, {
    method: "POST",
    headers: authHeaders({ "Content-Type": "application/json", "If-Match": seen.etag }),
    body: JSON.stringify({ reason }),
  });
  if (response.status === 412) return reopen("Someone else changed this case while you were looking at it. It has been reloaded: check it again.");
  if (!response.ok) { error.textContent = (await response.json()).detail; return; }
  reopen("Hit dismissed and recorded in the audit trail.");
}

async function decide(decision) {
  const reason = $("reason").value.trim();
  if (decision === "REJECT" && !reason) { $("decision-error").textContent = "Give a reason to reject."; return; }
  const response = await fetch(`${API}/review/applications/${current.id}/decision`, {
    method: "POST",
    headers: authHeaders({ "Content-Type": "application/json", "If-Match": current.etag }),
    body: JSON.stringify(reason ? { decision, reason } : { decision }),
  });
  if (response.status === 412) {
    return openApplication(current.id, "Someone else changed this application while you were looking at it. It has been reloaded: check it again before deciding.");
  }
  const body = await response.json();
  if (!response.ok) { $("decision-error").textContent = body.detail; return; }
  openApplication(current.id, `Decision recorded: the application is now ${body.status}.`);
}

// ---------- renewals: a new identity document for an approved application
let currentRenewal = null;
const documentText = (d) => `${d.type} ${d.number}, ${countryName(d.issuingCountry)}, valid until ${d.expiryDate}`;

async function loadRenewals() {
  const renewals = await (await fetch(`${API}/review/renewals`, { headers: authHeaders() })).json();
  $("renewal-rows").replaceChildren(...renewals.map((r) => {
    const row = document.createElement("tr");
    const link = Object.assign(document.createElement("a"), { href: "#", textContent: r.fullLegalName });
    link.addEventListener("click", (e) => { e.preventDefault(); openRenewal(r.id); });
    const who = document.createElement("td");
    who.append(link);
    row.append(who, text("td", `${r.renewal.type}, ${countryName(r.renewal.issuingCountry)}, valid until ${r.renewal.expiryDate}`),
      text("td", age(r.documentAt)));
    return row;
  }));
}

async function openRenewal(id, notice = "") {
  const response = await fetch(`${API}/review/renewals/${id}`, { headers: authHeaders() });
  const renewal = await response.json();
  currentRenewal = { id, etag: response.headers.get("ETag") };
  $("queue").hidden = true;
  $("renewal").hidden = false;
  $("renewal-notice").textContent = notice;
  $("renewal-error").textContent = "";
  $("renewal-title").textContent = `Renewal: ${renewal.fullLegalName}`;
  const list = document.createElement("dl");
  definition(list, "Document on file", documentText(renewal.current));
  definition(list, "New document", documentText(renewal.renewal));
  renewal.entries.forEach((e) => definition(list, "Wallet", `${e.address} — ${e.status}${e.expiresAt ? `, until ${e.expiresAt}` : ""}`));
  definition(list, "Flags", renewal.flags.join(", ") || "none");
  definition(list, "Status", renewal.status);
  $("renewal-details").replaceChildren(list);
  renderSanctions(renewal.sanctions, "renewal-sanctions", (hitId, reason, error) =>
    dismissHit(`${API}/review/renewals/${id}`, currentRenewal, hitId, reason, error, (message) => openRenewal(id, message)));
  $("renewal-approvals").textContent = approvalsText(renewal);
  $("renewal-documents").replaceChildren(...await previews(`${API}/review/renewals/${id}/documents`, renewal.documents));
}

async function decideRenewal(decision) {
  const reason = $("renewal-reason").value.trim();
  if (decision === "REJECT" && !reason) { $("renewal-error").textContent = "Give a reason to reject."; return; }
  const response = await fetch(`${API}/review/renewals/${currentRenewal.id}/decision`, {
    method: "POST",
    headers: authHeaders({ "Content-Type": "application/json", "If-Match": currentRenewal.etag }),
    body: JSON.stringify(reason ? { decision, reason } : { decision }),
  });
  if (response.status === 412) {
    return openRenewal(currentRenewal.id, "Someone else changed this renewal while you were looking at it. It has been reloaded: check it again before deciding.");
  }
  const body = await response.json();
  if (!response.ok) { $("renewal-error").textContent = body.detail; return; }
  $("renewal-reason").value = "";
  openRenewal(currentRenewal.id, `Decision recorded: the renewal is now ${body.status}.`);
}

async function loadAudit(id) {
  const response = await fetch(`${API}/admin/audit?applicationId=${id}`, { headers: authHeaders() });
  if (!response.ok) return;
  const records = await response.json();
  $("audit-rows").replaceChildren(...records.map((r) => {
    const row = document.createElement("tr");
    row.append(text("td", r.at), text("td", r.actor), text("td", r.action), text("td", [r.address, r.detail].filter(Boolean).join(" ")));
    return row;
  }));
}

async function revoke() {
  const address = $("revoke-address").value.trim();
  const response = await fetch(`${API}/admin/whitelist/${address}/revoke`, {
    method: "POST", headers: authHeaders({ "Content-Type": "application/json" }), body: JSON.stringify({ reason: $("revoke-reason").value.trim() }),
  });
  const body = await response.json();
  $("revoke-result").textContent = response.ok ? `Revoked: ${body.address} is now ${body.status}.` : body.detail;
  if (response.ok) loadAudit(current.id);
}

$("signin-form").addEventListener("submit", signIn);
$("queue-status").addEventListener("change", () => loadQueue(true));
$("more").addEventListener("click", () => loadQueue(false));
$("back").addEventListener("click", () => loadQueue(true));
$("approve").addEventListener("click", () => decide("APPROVE"));
$("reject").addEventListener("click", () => decide("REJECT"));
$("revoke").addEventListener("click", revoke);
$("renewal-back").addEventListener("click", () => loadQueue(true));
$("renewal-approve").addEventListener("click", () => decideRenewal("APPROVE"));
$("renewal-reject").addEventListener("click", () => decideRenewal("REJECT"));
$("signout").addEventListener("click", () => { sessionStorage.removeItem("kyc-token"); location.reload(); });
if (token) signIn();
