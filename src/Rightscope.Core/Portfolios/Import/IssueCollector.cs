namespace Rightscope.Core.Portfolios.Import;

/// <summary>Keeps the first issues and counts them all, so a file with 100,000 bad rows gives a bounded report.</summary>
internal sealed class IssueCollector(int maxIssues)
{
    private readonly List<ImportIssue> _issues = [];
    private readonly Dictionary<ImportIssueCode, int> _counts = [];

    public IReadOnlyList<ImportIssue> Issues => _issues;

    public IReadOnlyDictionary<ImportIssueCode, int> Counts => _counts;

    public int Omitted { get; private set; }

    public bool HasFileErrors { get; private set; }

    public void Add(ImportIssue issue)
    {
        _counts[issue.Code] = _counts.GetValueOrDefault(issue.Code) + 1;
        if (_issues.Count < maxIssues)
        {
            _issues.Add(issue);
        }
        else
        {
            Omitted++;
        }
    }

    /// <summary>An error about the whole file, the mapping or the header: nothing may be written.</summary>
    public void FileError(ImportIssue issue)
    {
        HasFileErrors = true;
        Add(issue);
    }
}
