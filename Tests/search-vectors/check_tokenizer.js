#!/usr/bin/env node
// Runs the browser tokenizer over the shared vectors that SearchTokenizerTests.swift also runs,
// so the JavaScript and Swift implementations cannot drift apart unnoticed.
// Usage: node Tests/search-vectors/check_tokenizer.js
"use strict";
var fs = require("fs");
var path = require("path");

var root = path.resolve(__dirname, "..", "..");
var tokenizer = require(path.join(root, "themes", "default", "static", "assets", "search-tokenizer.js"));
var lines = fs.readFileSync(path.join(__dirname, "tokenizer.tsv"), "utf8").split("\n");

var passed = 0, failed = 0;
lines.slice(1).forEach(function (line, index) {
  if (line === "") { return; } // the trailing newline; the empty-input row is "\t", not ""
  var columns = line.split("\t");
  if (columns.length !== 2) {
    failed++;
    console.log("line " + (index + 2) + ": expected 2 tab-separated columns, got " + columns.length);
    return;
  }
  var expected = columns[1] === "" ? [] : columns[1].split(" ");
  var actual = tokenizer.tokens(columns[0]);
  if (actual.join(" ") === expected.join(" ") && actual.length === expected.length) {
    passed++;
  } else {
    failed++;
    console.log("line " + (index + 2) + ": " + JSON.stringify(columns[0]) +
      "\n  expected " + JSON.stringify(expected) + "\n  actual   " + JSON.stringify(actual));
  }
});

console.log(passed + " passed, " + failed + " failed");
process.exit(failed === 0 && passed > 0 ? 0 : 1);
