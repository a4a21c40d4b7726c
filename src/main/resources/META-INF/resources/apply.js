import { COUNTRIES, countryName } from "/countries.js";
import { keccak256 } from "/vendor/sha3.min.mjs"; // js-sha3 0.13.0 (MIT), served by the service

/** EIP-55: a mixed-case address must carry its checksum; all-lower or all-upper carries none. */
function addressProblem(value) {
  if (!/^0x[0-9a-fA-F]{40}$/.test(value)) return "An address is 0x followed by 40 hexadecimal digits.";
  const hex = value.slice(2);
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return "";
  const hash = keccak256(hex.toLowerCase());
  const checksummed = [...hex.toLowerCase()].map((c, i) => (parseInt(hash[i], 16) >= 8 ? c.toUpperCase() : c)).join("");
  return checksummed === hex ? "" : "This address has a typo: its mixed upper and lower case does not match its checksum (EIP-55).";
}

const API = "/api/v1";
const $ = (id) => document.getElementById(id);
let policy = null;

// ---------- the restricted jurisdictions, shown before anything is typed
async function loadPolicy() {
  const response = await fetch(`${API}/jurisdictions`);
  policy = await response.json();
  const list = $("restricted");
  list.replaceChildren(...policy.countries.map((c) => li(`${c.name}${c.exception === "PROFESSIONAL_INVESTOR" ? " (except Professional Investors)" : ""}`)),
    ...policy.subdivisions.map((s) => li(`${s.name} (${countryName(s.country)})`)));
  $("policy-version").textContent = `Policy version ${policy.version}, in force since ${policy.effectiveDate}.`;
  $("terms-version").textContent = policy.acceptedTermsVersions[0];
  $("regions").replaceChildren(...policy.subdivisions.map((s) => Object.assign(document.createElement("option"), { value: s.code, label: s.name })));
}

function li(text) {
  return Object.assign(document.createElement("li"), { textContent: text });
}

function countryOptions(select) {
  select.replaceChildren(new Option("Choose a country…", ""), ...COUNTRIES.map((c) => new Option(c.name, c.code)));
}

// ---------- repeatable rows: citizenships, tax residences, wallets
function addRow(listId, makeInput, label) {
  const list = $(listId);
  const index = list.children.length;
  const row = document.createElement("div");
  row.className = "row";
  const input = makeInput(`${listId}[${index}]`);
  input.setAttribute("aria-label", `${label} ${index + 1}`);
  const remove = Object.assign(document.createElement("button"), { type: "button", className: "secondary", textContent: "Remove" });
  remove.setAttribute("aria-label", `Remove ${label.toLowerCase()} ${index + 1}`);
  remove.addEventListener("click", () => row.remove());
  const error = Object.assign(document.createElement("p"), { className: "error", id: `${input.id}-error` });
  row.append(input, remove, error);
  list.append(row);
  return input;
}

const countrySelect = (id) => { const s = document.createElement("select"); s.id = id; countryOptions(s); return s; };
const walletInput = (id) => {
  const input = Object.assign(document.createElement("input"), { id, placeholder: "0x…", spellcheck: false, autocomplete: "off" });
  input.id = `${id}.address`;
  input.addEventListener("input", () => {
    const value = input.value.trim();
    showError(input.id, value ? addressProblem(value) : "");
  });
  return input;
};

// ---------- errors next to the fields they name
function showError(field, message) {
  const element = $(`${field}-error`) || $(`${field.replace(/^representative\./, "")}-error`) || $("form-error");
  element.textContent = message;
  const input = $(field.replace(/^representative\./, ""));
  if (input) input.setAttribute("aria-invalid", message ? "true" : "false");
}

function clearErrors() {
  document.querySelectorAll(".error").forEach((e) => { e.textContent = ""; });
  document.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
}

// ---------- the application as the API takes it
function values(listId, suffix = "") {
  return [...$(listId).querySelectorAll(`select, input`)].map((e) => e.value.trim()).filter((v) => v);
}

function application() {
  const organization = document.querySelector("input[name=applicantType]:checked").value === "ORGANIZATION";
  const person = {
    fullLegalName: $("fullLegalName").value.trim(),
    dateOfBirth: $("dateOfBirth").value,
    citizenships: values("citizenships"),
    countryOfResidence: $("countryOfResidence").value,
    usPermanentResident: $("usPermanentResident").checked,
    idDocument: { type: $("idType").value, number: $("idNumber").value.trim(), issuingCountry: $("idCountry").value, expiryDate: $("idExpiry").value },
  };
  if ($("residenceSubdivision").value.trim()) person.residenceSubdivision = $("residenceSubdivision").value.trim().toUpperCase();
  const tax = values("taxResidences");
  if (tax.length) person.taxResidences = tax;
  const common = {
    email: $("email").value.trim(),
    professionalInvestor: $("professionalInvestor").checked,
    wallets: values("wallets").map((address) => ({ chain: "ETHEREUM", address })),
    declarations: { notUsPerson: $("notUsPerson").checked, termsVersion: $("terms").checked ? policy.acceptedTermsVersions[0] : "" },
  };
  return organization
    ? { applicantType: "ORGANIZATION", legalName: $("legalName").value.trim(), registrationNumber: $("registrationNumber").value.trim(),
        countryOfIncorporation: $("countryOfIncorporation").value, principalPlaceOfBusiness: $("principalPlaceOfBusiness").value,
        representative: person, ...common }
    : { applicantType: "INDIVIDUAL", ...person, ...common };
}

async function submit(event) {
  event.preventDefault();
  clearErrors();
  if (!$("notUsPerson").checked) return showError("declarations.notUsPerson", "Only applicants who are not U.S. persons may apply.");
  if (!$("terms").checked) return showError("declarations.termsVersion", "Please accept the terms and conditions.");
  $("submit").disabled = true;
  try {
    const response = await fetch(`${API}/applications`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify(application()),
    });
    const body = await response.json();
    if (response.status === 201) return submitted(body, application());
    (body.errors || []).forEach((e) => showError(e.field, `${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}.`));
    $("form-error").textContent = body.detail || "The application could not be sent.";
  } catch (e) {
    $("form-error").textContent = "The service could not be reached. Please try again.";
  } finally {
    $("submit").disabled = false;
  }
}

// ---------- after the submission
function submitted(answer, sent) {
  $("application").hidden = true;
  $("who").hidden = true;
  if (answer.status === "REJECTED") {
    $("rejected").hidden = false;
    $("reasons").replaceChildren(...answer.reasons.map((r) => li(r.message)));
    focusHeading("rejected-title");
    return;
  }
  const statusUrl = `/#status/${answer.id}/${answer.statusToken}`;
  $("status-link").href = statusUrl;
  $("next").hidden = false;
  sent.wallets.forEach((w) => $("proofs").append(proofBlock(answer, w.address)));
  $("uploads").append(uploadBlock(answer, "identity", "Identity document (photo or scan: JPEG, PNG or PDF, up to 10 MiB)"));
  if (answer.missingDocuments.includes("professional-investor-evidence")) {
    $("uploads").append(uploadBlock(answer, "professional-investor-evidence", "Evidence of your Professional Investor status"));
  }
  focusHeading("next-title");
}

/** Moves keyboard and screen-reader focus to the new part of the page. */
function focusHeading(id) {
  $(id).setAttribute("tabindex", "-1");
  $(id).focus();
}

function proofBlock(answer, address) {
  const block = document.createElement("div");
  block.className = "proof";
  const title = Object.assign(document.createElement("p"), { textContent: `Wallet ${address}` });
  const result = Object.assign(document.createElement("p"), { className: "result" });
  result.setAttribute("aria-live", "polite");
  const headers = { "X-Status-Token": answer.statusToken };
  const base = `${API}/applications/${answer.id}/wallets/${address}`;
  async function send(signature) {
    const response = await fetch(`${base}/proof`, { method: "PUT", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify({ signature }) });
    const body = await response.json();
    result.textContent = response.ok ? "✓ Proven: this wallet is yours." : body.detail;
    result.className = response.ok ? "result ok" : "result error";
  }
  async function challenge() {
    const response = await fetch(`${base}/challenge`, { method: "POST", headers });
    return (await response.json()).message;
  }
  if (window.ethereum) {
    const button = Object.assign(document.createElement("button"), { type: "button", textContent: "Sign with my wallet" });
    button.addEventListener("click", async () => {
      const message = await challenge();
      try {
        const signature = await window.ethereum.request({ method: "personal_sign", params: [message, address] });
        await send(signature);
      } catch (e) {
        result.textContent = "The wallet did not sign. Try again, or sign the message by hand below.";
      }
    });
    block.append(title, button);
  } else {
    block.append(title);
  }
  const manual = document.createElement("details");
  manual.open = !window.ethereum;
  const summary = Object.assign(document.createElement("summary"), { textContent: "Sign by hand" });
  const help = Object.assign(document.createElement("p"), { textContent: "Copy this message into your wallet's “sign message” function, then paste the signature." });
  const message = Object.assign(document.createElement("textarea"), { readOnly: true, rows: 8 });
  message.setAttribute("aria-label", `Message to sign with ${address}`);
  const get = Object.assign(document.createElement("button"), { type: "button", className: "secondary", textContent: "Show the message" });
  get.addEventListener("click", async () => { message.value = await challenge(); });
  const signature = Object.assign(document.createElement("input"), { placeholder: "0x… (the signature)" });
  signature.setAttribute("aria-label", `Signature by ${address}`);
  const sendButton = Object.assign(document.createElement("button"), { type: "button", textContent: "Send the signature" });
  sendButton.addEventListener("click", () => send(signature.value.trim()));
  manual.append(summary, help, get, message, signature, sendButton);
  block.append(manual, result);
  return block;
}

function uploadBlock(answer, kind, label, path = `documents/${kind}`) {
  const block = document.createElement("div");
  block.className = "upload";
  const id = `file-${kind}`;
  const labelElement = Object.assign(document.createElement("label"), { htmlFor: id, textContent: label });
  const input = Object.assign(document.createElement("input"), { type: "file", id, accept: "image/jpeg,image/png,application/pdf" });
  const progress = Object.assign(document.createElement("progress"), { max: 100, value: 0 });
  progress.setAttribute("aria-label", `Upload of ${label}`);
  const result = Object.assign(document.createElement("p"), { className: "result" });
  result.setAttribute("aria-live", "polite");
  input.addEventListener("change", () => {
    const file = input.files[0];
    if (!file) return;
    if (file.size > 10 * 1024 * 1024) { result.textContent = "The file is larger than 10 MiB."; return; }
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", `${API}/applications/${answer.id}/${path}`);
    xhr.setRequestHeader("X-Status-Token", answer.statusToken);
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100); };
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText);
      progress.value = 100;
      result.textContent = xhr.status === 200 ? "✓ Received." : body.detail;
      result.className = xhr.status === 200 ? "result ok" : "result error";
    };
    xhr.send(file);
  });
  block.append(labelElement, input, progress, result);
  return block;
}

// ---------- the private status page: the token stays in the fragment, never sent as a Referer
const STATUS_WORDS = {
  PENDING_DOCUMENT: "We are waiting for your documents or wallet proofs.",
  IN_REVIEW: "Your application is complete and is being reviewed. We will update this page when it is decided.",
  APPROVED: "Approved: your wallets are on the whitelist.",
  REJECTED: "Your application was declined.",
  EXPIRED: "Your application expired: it was not completed in time. You are welcome to apply again.",
  WITHDRAWN: "Your application was closed at your request and your personal data erased.",
};

async function showStatus(id, token) {
  $("who").hidden = true;
  $("application").hidden = true;
  $("status").hidden = false;
  const response = await fetch(`${API}/applications/${id}`, { headers: { "X-Status-Token": token } });
  if (!response.ok) { $("status-text").textContent = "We could not find this application. Check the link."; return; }
  const status = await response.json();
  const parts = [STATUS_WORDS[status.status] || status.status];
  if (status.missingDocuments.length) parts.push(`Documents still needed: ${status.missingDocuments.join(", ")}.`);
  if (status.unprovenWallets.length) parts.push(`Wallets still to prove: ${status.unprovenWallets.join(", ")}.`);
  if (status.takenWallets.length) parts.push(`These wallets cannot be whitelisted with this application, because another application `
    + `proved control of them first: ${status.takenWallets.join(", ")}. If they are yours, contact support.`);
  status.reasons.forEach((r) => parts.push(r.message));
  $("status-text").textContent = parts.join(" ");
  if (status.status === "APPROVED") showRenewal(id, token);
}

// ---------- renewal with a new identity document, from the status page
const RENEWAL_WORDS = {
  PENDING_DOCUMENT: "We have your new document's details: upload the documents below.",
  IN_REVIEW: "Your new document is being reviewed.",
  APPROVED: "Your renewal was approved.",
  REJECTED: "Your renewal was declined.",
  EXPIRED: "Your renewal expired: it was not completed in time. You may start it again.",
  CANCELLED: "Your renewal was closed.",
};
const RENEWAL_DOCUMENTS = {
  identity: "A copy of the new document",
  "professional-investor-evidence": "Current evidence of your Professional Investor status",
};

async function showRenewal(id, token) {
  $("renewal").hidden = false;
  const headers = { "X-Status-Token": token };
  const response = await fetch(`${API}/applications/${id}/renewal`, { headers });
  if (response.ok) renewalState({ id, statusToken: token }, await response.json());
  $("renewal-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    document.querySelectorAll("#renewal .error").forEach((e) => { e.textContent = ""; });
    const body = { idDocument: { type: $("renewalType").value, number: $("renewalNumber").value.trim(),
      issuingCountry: $("renewalCountry").value, expiryDate: $("renewalExpiry").value } };
    const answer = await fetch(`${API}/applications/${id}/renewal`, {
      method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const result = await answer.json();
    if (answer.status === 201) { renewalState({ id, statusToken: token }, result); return; }
    (result.errors || []).forEach((e) => { const element = $(`renewal.${e.field}-error`); if (element) element.textContent = e.message; });
    if (!result.errors) $("renewal-error").textContent = result.detail;
  });
}

function renewalState(answer, renewal) {
  const parts = [RENEWAL_WORDS[renewal.status] || renewal.status];
  (renewal.reasons || []).forEach((r) => parts.push(r.message));
  if (renewal.decisionReason) parts.push(renewal.decisionReason);
  $("renewal-state").textContent = parts.join(" ");
  $("renewal-form").hidden = renewal.status === "IN_REVIEW";
  $("renewal-upload").replaceChildren(...(renewal.status === "PENDING_DOCUMENT"
    ? renewal.missingDocuments.map((kind) => uploadBlock(answer, `renewal-${kind}`, RENEWAL_DOCUMENTS[kind], `renewal/documents/${kind}`)) : []));
}

/** Checks as the applicant types or leaves a field: required fields, dates. */
function inlineChecks() {
  const today = new Date().toISOString().slice(0, 10);
  const check = (id, problem) => {
    const input = $(id);
    const run = () => showError(errorField(id), problem(input.value.trim()));
    input.addEventListener("blur", run);
    input.addEventListener("change", run);
  };
  const required = (label) => (v) => (v ? "" : `${label} is required.`);
  check("fullLegalName", required("Your full legal name"));
  check("email", (v) => (!v ? "An e-mail address is required." : /^[^@\s]+@[^@\s]+$/.test(v) ? "" : "This is not an e-mail address."));
  check("idNumber", required("The document number"));
  check("dateOfBirth", (v) => (!v ? "Your date of birth is required." : v > today ? "A date of birth cannot be in the future." : ""));
  check("idExpiry", (v) => (!v ? "The document's expiry date is required." : v < today ? "This document has expired." : ""));
}

function errorField(id) {
  return { idNumber: "idDocument.number", idExpiry: "idDocument.expiryDate", idCountry: "idDocument.issuingCountry" }[id] || id;
}

function start() {
  inlineChecks();
  const match = location.hash.match(/^#status\/([0-9a-f-]{36})\/([A-Za-z0-9_-]+)$/);
  loadPolicy().then(() => { if (match) showStatus(match[1], match[2]); });
  document.querySelectorAll("select[data-countries]").forEach(countryOptions);
  addRow("citizenships", countrySelect, "Citizenship");
  addRow("wallets", walletInput, "Wallet");
  $("add-citizenship").addEventListener("click", () => addRow("citizenships", countrySelect, "Citizenship").focus());
  $("add-tax").addEventListener("click", () => addRow("taxResidences", countrySelect, "Tax residence").focus());
  $("add-wallet").addEventListener("click", () => addRow("wallets", walletInput, "Wallet").focus());
  document.querySelectorAll("input[name=applicantType]").forEach((r) => r.addEventListener("change", () => {
    const organization = r.value === "ORGANIZATION" && r.checked;
    $("organization").hidden = !organization;
    $("person-legend").textContent = organization ? "The representative who signs" : "You";
  }));
  $("countryOfResidence").addEventListener("change", () => {
    $("region-field").hidden = !policy?.subdivisions.some((s) => s.country === $("countryOfResidence").value);
  });
  $("application").addEventListener("submit", submit);
  window.addEventListener("hashchange", () => location.reload());
}

start();
