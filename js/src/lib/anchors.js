/* Generated from macros/core/kinds.py by `make schema` (macros/tools/kind_files.py): do not edit. */

/** The HTML id prefix of each kind of record where a page lists it: an element with the id
    `<prefix>-<record id>` marks the record. */
export const RECORD_ANCHORS = ["src", "org", "finding", "cause", "cb", "rec", "action", "event", "wage", "rule", "situation", "term", "check", "change"];
