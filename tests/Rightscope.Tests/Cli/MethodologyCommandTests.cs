using Microsoft.EntityFrameworkCore;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Cli;

public sealed class MethodologyCommandTests
{
    // A complete small methodology in one language, as an organization might write it (DESIGN §9.10).
    private const string OwnMethodology = """
        format: rightscope/methodology@1
        key: supplier-screen
        version: 1.0.0
        title: { en: Supplier screen }
        summary: { en: A short screen of technology suppliers. }
        subjects: [company]
        answer-sets:
          - key: yes-no
            options:
              - { key: "yes", title: { en: "Yes" }, score: 100 }
              - { key: "no", title: { en: "No" }, score: 0 }
              - { key: not-applicable, title: { en: Not applicable }, excluded: true }
        levels:
          - { key: section, title: { en: Section }, combine: mean }
          - { key: question, title: { en: Question } }
        total: { over: section, combine: mean }
        structure:
          - key: policy
            level: section
            title: { en: Policy }
            children:
              - { key: has-policy, level: question, title: { en: Does it have a human rights policy? }, answer-set: yes-no }
              - { key: has-grievance, level: question, title: { en: Does it run a grievance channel? }, answer-set: yes-no }
        tiers:
          thresholds:
            - { tier-1-min: 75, tier-2-min: 40 }
        decisions:
          - { tier: 1, decision: invest, title: { en: Hold } }
          - { tier: 2, decision: engage, title: { en: Engage } }
          - { tier: 3, decision: exclude, title: { en: Exclude } }
        """;

    private static string WriteTemp(string name, string content)
    {
        var directory = Path.Combine(Path.GetTempPath(), "rightscope-methodologies", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task List_shows_the_three_shipped_methodologies_with_their_structure()
    {
        await using var database = await TestDatabase.CreateAsync(ProviderData.Sqlite);

        var result = (await Cli.RunAsync(database, "", "methodology", "list")).AssertSucceeded();

        Assert.Contains("surveillance-investor", result.Out, StringComparison.Ordinal);
        Assert.Contains("ungp-hria", result.Out, StringComparison.Ordinal);
        Assert.Contains("digital-rights-benchmark", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"surveillance-investor\s+1\.0\.0\s+shipped\s+.*\d+ question", result.Out);
        Assert.Matches(@"digital-rights-benchmark\s+1\.0\.0\s+shipped\s+.*\d+ indicator", result.Out);

        var chinese = (await Cli.RunAsync(database, "", "methodology", "list", "--lang", "zh-Hans")).AssertSucceeded();
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese.Out);
    }

    [Fact]
    public async Task Show_prints_the_structure_tiers_and_decisions_of_a_shipped_methodology()
    {
        await using var database = await TestDatabase.CreateAsync(ProviderData.Sqlite);

        var result = (await Cli.RunAsync(database, "", "methodology", "show", "surveillance-investor@1.0.0")).AssertSucceeded();

        Assert.Contains("surveillance-investor@1.0.0", result.Out, StringComparison.Ordinal);
        Assert.Contains("section product-lifecycle", result.Out, StringComparison.Ordinal);
        Assert.Contains("red flag", result.Out, StringComparison.Ordinal);
        Assert.Contains("tier 3 → exclude", result.Out, StringComparison.Ordinal);

        (await Cli.RunAsync(database, "", "methodology", "show", "no-such-methodology")).AssertFailedWith("no-such-methodology");
    }

    [Fact]
    public async Task Validate_accepts_a_good_file_and_names_file_line_and_key_of_each_problem()
    {
        await using var database = await TestDatabase.CreateAsync(ProviderData.Sqlite);
        var good = WriteTemp("supplier-screen.yaml", OwnMethodology);
        var bad = WriteTemp("broken.yaml", OwnMethodology.Replace("answer-set: yes-no }\n      - { key: has-grievance", "answer-set: yes-noo }\n      - { key: has-grievance", StringComparison.Ordinal));

        var ok = (await Cli.RunAsync(database, "", "methodology", "validate", good)).AssertSucceeded();
        Assert.Contains("valid methodology supplier-screen@1.0.0", ok.Out, StringComparison.Ordinal);

        var failed = await Cli.RunAsync(database, "", "methodology", "validate", bad);
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains(failed.ErrorLines, line => line.StartsWith("broken.yaml:", StringComparison.Ordinal) && line.Contains("has-policy", StringComparison.Ordinal) && line.Contains("yes-noo", StringComparison.Ordinal));

        // The shipped catalog demands both languages; a user's methodology needs one unless asked.
        var strict = await Cli.RunAsync(database, "", "methodology", "validate", "--require-all-languages", good);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("zh-Hans", strict.Error, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Add_stores_an_organizations_methodology_once_and_only_for_that_organization(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await Cli.CreateOwnerAsync(database, "owner@a.example", "org-a")).AssertSucceeded();
        (await Cli.CreateOwnerAsync(database, "owner@b.example", "org-b")).AssertSucceeded();
        var file = WriteTemp("supplier-screen.yaml", OwnMethodology);

        var added = (await Cli.RunAsync(database, "", "methodology", "add", file, "--org", "org-a")).AssertSucceeded();
        Assert.Contains("supplier-screen@1.0.0", added.Out, StringComparison.Ordinal);

        var listA = (await Cli.RunAsync(database, "", "methodology", "list", "--org", "org-a")).AssertSucceeded();
        Assert.Matches(@"supplier-screen\s+1\.0\.0\s+organization", listA.Out);
        var listB = (await Cli.RunAsync(database, "", "methodology", "list", "--org", "org-b")).AssertSucceeded();
        Assert.DoesNotContain("supplier-screen", listB.Out, StringComparison.Ordinal);
        (await Cli.RunAsync(database, "", "methodology", "show", "supplier-screen", "--org", "org-a")).AssertSucceeded();
        (await Cli.RunAsync(database, "", "methodology", "show", "supplier-screen", "--org", "org-b")).AssertFailedWith("supplier-screen");

        // A version never changes once added; the same version again is refused and nothing is written.
        (await Cli.RunAsync(database, "", "methodology", "add", file, "--org", "org-a")).AssertFailedWith("already added");
        var stored = await Cli.WithDbAsync(database, async (db, _) => await db.OrganizationMethodologies.IgnoreQueryFilters().CountAsync());
        Assert.Equal(1, stored);
        var audited = await Cli.WithDbAsync(database, async (db, _) => await db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "methodology.added"));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task Add_refuses_an_invalid_file_or_a_shipped_key_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(ProviderData.Sqlite);
        (await Cli.CreateOwnerAsync(database, "owner@a.example", "org-a")).AssertSucceeded();
        var invalid = WriteTemp("invalid.yaml", OwnMethodology.Replace("version: 1.0.0", "version: one", StringComparison.Ordinal));
        var shippedKey = WriteTemp("clash.yaml", OwnMethodology.Replace("key: supplier-screen", "key: ungp-hria", StringComparison.Ordinal));

        var rejected = await Cli.RunAsync(database, "", "methodology", "add", invalid, "--org", "org-a");
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains(rejected.ErrorLines, line => line.StartsWith("invalid.yaml:", StringComparison.Ordinal));
        (await Cli.RunAsync(database, "", "methodology", "add", shippedKey, "--org", "org-a")).AssertFailedWith("ungp-hria", "shipped");
        var valid = WriteTemp("supplier-screen.yaml", OwnMethodology);
        (await Cli.RunAsync(database, "", "methodology", "add", valid, "--org", "no-such-org")).AssertFailedWith("--org", "no-such-org");

        var stored = await Cli.WithDbAsync(database, async (db, _) => await db.OrganizationMethodologies.IgnoreQueryFilters().CountAsync());
        Assert.Equal(0, stored);
    }
}
