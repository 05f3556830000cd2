-- sqlguard:allow rehearsal-row-loss reason: every order was copied to the archive database in V2's release
DELETE FROM orders WHERE total >= 0;
