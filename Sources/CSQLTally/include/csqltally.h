// tally(k1, ..., kN): SQLite's missing hash aggregate, in C. SQLite groups by sorting every row
// (GROUP BY builds a temporary B-tree); counting 5.5 million members by gender spent 2.3 of its
// 2.9 seconds there. tally() counts the rows of each distinct combination of its arguments in a
// hash table as they stream past and returns them as one JSON array, [[k1, ..., kN, count], ...],
// which json_each turns back into rows (see QueryBuilder's pre-aggregation).
#ifndef CSQLTALLY_H
#define CSQLTALLY_H

struct sqlite3;

/// More distinct combinations than 2^20 make tally() fail with the message "tally(): too many
/// groups" (the caller then groups by sorting, which spills to disk).
/// Registers tally() on the connection; returns an SQLite result code.
int coso_tally_register(struct sqlite3 *db);

#endif
