using Screening.Domain.WhatIf;
using Screening.Data.Platform;

namespace Screening.Data.WhatIf;

/// <summary>The result of a what-if: per-rule counts and every patient whose finding would change (internal keys only).</summary>
public sealed record WhatIfReport(DateOnly AsOf, string ActiveVersion, string CandidateVersion, WhatIfTally Tally, IReadOnlyList<FindingChange> Changes);
