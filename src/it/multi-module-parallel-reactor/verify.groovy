def log = new File(basedir, 'build.log').text
// Both modules with migrations report their own finding, with paths relative to their module.
assert log.contains('src/main/resources/db/migration/V2__close_orders.sql:2:1: [delete-without-where]')
assert log.contains('src/main/resources/db/migration/V3__reset_invoices.sql:2:1: [update-without-where]')
assert new File(basedir, 'orders/target/sqlguard/sqlguard.json').text.contains('V2__close_orders.sql')
assert !new File(basedir, 'orders/target/sqlguard/sqlguard.json').text.contains('V3__reset_invoices.sql')
assert new File(basedir, 'billing/target/sqlguard/sqlguard.json').text.contains('V3__reset_invoices.sql')
// --fail-at-end: both failures are listed, the module without migrations passes quietly.
assert log.contains('BUILD FAILURE')
assert log =~ /(?m)^\[INFO\] orders \.+ FAILURE/
assert log =~ /(?m)^\[INFO\] billing \.+ FAILURE/
assert log =~ /(?m)^\[INFO\] docs \.+ SUCCESS/
assert log.contains('sqlguard: no migrations in docs (src/main/resources does not exist); nothing to check')
assert log.contains('sqlguard: no migrations in multi-module-parallel-reactor')
assert !new File(basedir, 'docs/target/sqlguard').exists()
assert !(log =~ /(?m)^\[WARNING\] sqlguard: (directory|no file matched)/) : 'a module without migrations warns about nothing'
// Parallel modules share nothing mutable: the only exceptions are Maven's report of the two failed checks.
def exceptions = (log =~ /[A-Za-z_$][\w$]*(Exception|Error)\b/).collect { it[0] } as Set
assert exceptions.every { it in ['LifecycleExecutionException', 'MojoFailureException'] } : exceptions
assert log.contains('thread count of 2') : 'the reactor ran in parallel'
return true
