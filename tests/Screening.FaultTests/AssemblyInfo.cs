// Each scenario owns two containers and one or two worker processes: on a 2-core machine they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
