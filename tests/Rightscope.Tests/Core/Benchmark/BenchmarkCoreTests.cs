using Rightscope.Core.Benchmark;
using Rightscope.Core.Scoring;

namespace Rightscope.Tests.Core.Benchmark;

/// <summary>The import reader, the edition workflow, the ranking and the open data hash.</summary>
public sealed class BenchmarkCoreTests
{
    private static BenchmarkImportResult Read(string csv, BenchmarkImportLevel level = BenchmarkImportLevel.Element, params string[] map) =>
        BenchmarkImportReader.Read(csv, BenchmarkFixtures.Methodology, level, map);

    private static string Issues(BenchmarkImportResult result) =>
        string.Join("\n", result.Issues.Select(i => $"{i.Line}:{i.Field}:{i.Code}:{string.Join("|", i.Args)}"));

    [Fact]
    public void Element_rows_become_one_engine_input_per_company_with_services_in_order()
    {
        var result = Read("""
            company,service,indicator,element,answer
            Fictional Alpha,,g1-policy-commitment,g1-expression,yes
            Fictional Alpha,Mail,f1-access-to-policies,f1-easy-to-find,PARTIAL
            fictional alpha,Chat,f1-access-to-policies,f1-easy-to-find,no
            Fictional Beta,,g1-policy-commitment,g1-privacy,not-applicable
            """);

        Assert.True(result.CanWrite(false), Issues(result));
        Assert.Equal(["Fictional Alpha", "Fictional Beta"], result.Companies.Select(c => c.Name));
        var alpha = result.Companies[0];
        Assert.Equal(["Mail", "Chat"], alpha.Services);
        Assert.Contains(new Answer("f1-easy-to-find", "Mail", "partial", []), alpha.Answers.Select(a => a with { EvidenceIds = [] }), new AnswerComparer());
        var score = ScoringEngine.Score(BenchmarkFixtures.Methodology, alpha.ToInput());
        Assert.Equal(25, score.Node("f1-access-to-policies").Score);
    }

    [Fact]
    public void Bad_element_rows_are_reported_with_line_and_field_and_nothing_can_be_written()
    {
        var result = Read("""
            company,service,indicator,element,answer
            Fictional Alpha,,g1-policy-commitment,g1-expression,yes
            ,,g1-policy-commitment,g1-privacy,yes
            Fictional Alpha,,g9-nothing,g1-privacy,yes
            Fictional Alpha,,g1-policy-commitment,g1-nothing,yes
            Fictional Alpha,,g2-governance-oversight,g1-privacy,yes
            Fictional Alpha,,g1-policy-commitment,g1-privacy,maybe
            Fictional Alpha,Mail,g1-policy-commitment,g1-top-approval,yes
            Fictional Alpha,,f1-access-to-policies,f1-easy-to-find,yes
            FICTIONAL ALPHA,,g1-policy-commitment,g1-expression,no
            """);

        Assert.False(result.CanWrite(false));
        Assert.True(result.CanWrite(true));
        Assert.Equal(8, result.BadRows);
        var issues = Issues(result);
        Assert.Contains("3:company:Required", issues, StringComparison.Ordinal);
        Assert.Contains("4:indicator:UnknownIndicator:g9-nothing", issues, StringComparison.Ordinal);
        Assert.Contains("5:element:UnknownElement:g1-nothing", issues, StringComparison.Ordinal);
        Assert.Contains("6:element:ElementNotInIndicator:g1-privacy|g2-governance-oversight", issues, StringComparison.Ordinal);
        Assert.Contains("7:answer:UnknownAnswer:maybe|", issues, StringComparison.Ordinal);
        Assert.Contains("8:service:CompanyLevelOnly:Mail|g1-top-approval", issues, StringComparison.Ordinal);
        Assert.Contains("9:service:ServiceRequired:f1-easy-to-find", issues, StringComparison.Ordinal);
        Assert.Contains("10:element:Duplicate:2", issues, StringComparison.Ordinal);
    }

    [Fact]
    public void Indicator_rows_accept_na_and_the_company_level_and_refuse_bad_scores()
    {
        var good = Read("""
            Firm;Product;Indicator code;Value
            Fictional Alpha;company;g1-policy-commitment;80
            Fictional Alpha;;g2-governance-oversight;NA
            Fictional Alpha;Mail;f1-access-to-policies;40.5
            """, BenchmarkImportLevel.Indicator, "Firm=company", "product=service", "indicator code=indicator", "value=score");
        Assert.True(good.CanWrite(false), Issues(good));
        Assert.Equal(
            [new GivenScore("g1-policy-commitment", "company", 80), new GivenScore("g2-governance-oversight", "company", null), new GivenScore("f1-access-to-policies", "Mail", 40.5)],
            good.Companies.Single().Given);

        var bad = Read("""
            company,service,indicator,score
            Fictional Alpha,,g1-policy-commitment,101
            Fictional Alpha,,g2-governance-oversight,lots
            Fictional Alpha,,g1-expression,50
            Fictional Alpha,,g3-internal-implementation,-1
            """, BenchmarkImportLevel.Indicator);
        var issues = Issues(bad);
        Assert.Contains("2:score:OutOfRange:101", issues, StringComparison.Ordinal);
        Assert.Contains("3:score:NotANumber:lots", issues, StringComparison.Ordinal);
        Assert.Contains("4:indicator:UnknownIndicator:g1-expression", issues, StringComparison.Ordinal);
        Assert.Contains("5:score:OutOfRange:-1", issues, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_or_bad_mapping_is_a_file_issue_that_skipping_rows_cannot_pass()
    {
        var missing = Read("company,indicator,element\nA,g1-policy-commitment,g1-expression\n");
        Assert.Contains("1:answer:MissingColumn:answer", Issues(missing), StringComparison.Ordinal);
        Assert.False(missing.CanWrite(true));

        var mapping = Read("company,indicator,element,answer\n", BenchmarkImportLevel.Element, "x=nothing");
        Assert.Contains("0:--map:BadMapping:x=nothing", Issues(mapping), StringComparison.Ordinal);
        Assert.False(Read("").CanWrite(true));
    }

    [Fact]
    public void The_edition_workflow_guards_four_eyes_dates_and_freezes_after_publication()
    {
        var importer = Guid.NewGuid();
        Assert.Equal(EditionFailure.ApproverIsImporter, BenchmarkWorkflow.Approve(EditionStatus.Draft, importer, importer));
        Assert.Null(BenchmarkWorkflow.Approve(EditionStatus.Draft, importer, Guid.NewGuid()));
        Assert.Equal(EditionFailure.InvalidTransition, BenchmarkWorkflow.Approve(EditionStatus.Approved, importer, Guid.NewGuid()));
        Assert.Equal(EditionFailure.WindowReversed, BenchmarkWorkflow.OpenReply(EditionStatus.Approved, new(2026, 3, 2), new(2026, 3, 1)));
        Assert.Equal(EditionFailure.InvalidTransition, BenchmarkWorkflow.OpenReply(EditionStatus.Draft, new(2026, 3, 1), new(2026, 3, 2)));
        Assert.Equal(EditionFailure.Frozen, BenchmarkWorkflow.RecordReply(EditionStatus.Published));
        Assert.Equal(EditionFailure.Frozen, BenchmarkWorkflow.Publish(EditionStatus.Published, []));
        Assert.Equal(EditionFailure.InvalidTransition, BenchmarkWorkflow.Publish(EditionStatus.Approved, []));
    }

    [Fact]
    public void Publication_lists_unapproved_assessments_and_pending_replies_until_the_window_closes()
    {
        EditionCompanyState[] companies =
        [
            new("Alpha", true, ReplyDecision.Replied),
            new("Beta", false, ReplyDecision.Declined),
            new("Gamma", true, ReplyDecision.Pending),
        ];
        var closes = new DateOnly(2026, 3, 31);

        var open = BenchmarkWorkflow.Missing(companies, closes, closes);
        Assert.Equal([new MissingItem(MissingKind.UnapprovedAssessment, "Beta"), new MissingItem(MissingKind.ReplyPending, "Gamma")], open);
        Assert.Equal(EditionFailure.Incomplete, BenchmarkWorkflow.Publish(EditionStatus.ReplyOpen, open));

        var expired = BenchmarkWorkflow.Missing(companies, closes, closes.AddDays(1));
        Assert.Equal([new MissingItem(MissingKind.UnapprovedAssessment, "Beta")], expired);
        Assert.Null(BenchmarkWorkflow.Publish(EditionStatus.ReplyOpen, BenchmarkWorkflow.Missing(companies[..1], closes, closes)));
    }

    [Fact]
    public void Ranking_shares_ranks_on_shown_ties_puts_unscored_last_and_computes_change()
    {
        var ranked = BenchmarkRanking.Rank(
            [("Delta", null), ("Beta", 70.04), ("Alpha", 70.01), ("Gamma", 90), ("Epsilon", 12)],
            new Dictionary<string, double?> { ["Alpha"] = 60, ["Gamma"] = null });

        Assert.Equal(["Gamma", "Alpha", "Beta", "Epsilon", "Delta"], ranked.Select(r => r.Company));
        Assert.Equal([1, 2, 2, 4, null], ranked.Select(r => r.Rank));
        Assert.Equal(10.01, ranked[1].Change!.Value, 6);
        Assert.Null(ranked[0].Change);
    }

    [Fact]
    public void The_content_hash_is_sha256_of_the_sorted_canonical_rows_whatever_their_order()
    {
        OpenDataRow[] rows =
        [
            new("Beta", "beta", "0197", null, null, 1, OpenData.TotalKind, "total", null, 50.5),
            new("Alpha", "alpha", "0198", "529900T8BM49AURSDO55", null, 2, OpenData.IndicatorKind, "g1", "governance", null),
        ];
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes("alpha\tindicator\tg1\tNA\nbeta\ttotal\ttotal\t50.5\n")));

        Assert.Equal(expected, OpenData.Hash(rows));
        Assert.Equal(expected, OpenData.Hash(rows.Reverse()));
        Assert.NotEqual(expected, OpenData.Hash([rows[0] with { Score = 50.50001 }, rows[1]]));
    }

    private sealed class AnswerComparer : IEqualityComparer<Answer>
    {
        public bool Equals(Answer? x, Answer? y) => x?.Item == y?.Item && x?.Component == y?.Component && x?.Option == y?.Option;

        public int GetHashCode(Answer obj) => obj.Item.GetHashCode(StringComparison.Ordinal);
    }
}
