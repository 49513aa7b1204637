// Integration tests stand whole topologies up on a 2-core machine and check for leftovers by PID:
// one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
