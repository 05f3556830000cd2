def run_upgrade(cur, database_engine, config):
    cur.execute("DELETE FROM staging")
