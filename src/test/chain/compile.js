// Compiles a Solidity file with solc-js (the npm "solc" package: the compiler itself, no download)
// and prints {"contracts": {name: {abi, bytecode}}} as JSON; exits 1 with the compiler's
// messages on an error. Usage: node compile.js path/to/Contract.sol
"use strict";
const fs = require("fs");
const path = require("path");
const solc = require("solc");

const file = process.argv[2];
if (!file) {
  console.error("usage: node compile.js Contract.sol");
  process.exit(2);
}
const input = {
  language: "Solidity",
  sources: { [path.basename(file)]: { content: fs.readFileSync(file, "utf8") } },
  settings: {
    // the hard fork ganache 7.9 runs; also understood by every current main-net client
    evmVersion: "shanghai",
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === "error");
if (errors.length > 0) {
  console.error(errors.map((e) => e.formattedMessage).join("\n"));
  process.exit(1);
}
const contracts = {};
for (const [name, contract] of Object.entries(output.contracts[path.basename(file)])) {
  contracts[name] = { abi: contract.abi, bytecode: "0x" + contract.evm.bytecode.object };
}
process.stdout.write(JSON.stringify({ compiler: solc.version(), contracts }));
