using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.HumanRightsReports;
using static Rightscope.Tests.Core.HumanRightsReports.ReportSamples;

namespace Rightscope.Tests.Core.HumanRightsReports;

/// <summary>The framework's structure, the required-section rule and the workflow's guards.</summary>
public sealed class ReportFrameworkTests
{
    [Fact]
    public void Sections_follow_the_framework_in_order_with_part_c_per_issue()
    {
        Assert.Equal(["A1", "A2", "B1", "B2", "B3", "B4", "C1", "C2", "C3", "C4", "C5", "C6"], ReportFramework.Sections.Select(s => s.Key));
        Assert.All(ReportFramework.Sections, s => Assert.Equal(s.Part == ReportPart.C, s.PerIssue));
        Assert.All(ReportFramework.Sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Guidance.En) || string.IsNullOrWhiteSpace(s.Guidance.Zh)));
        Assert.Equal(["B3", "B4"], ReportFramework.Sections.Where(s => !s.Required).Select(s => s.Key));

        var places = ReportFramework.Places(["x", "y"]).Select(p => p.Key).ToList();
        Assert.Equal(["A1", "A2", "B1", "B2", "B3", "B4", "C1/x", "C2/x", "C3/x", "C4/x", "C5/x", "C6/x", "C1/y", "C2/y", "C3/y", "C4/y", "C5/y", "C6/y"], places);
    }

    [Fact]
    public void Missing_required_sections_are_listed_in_report_order_and_optional_ones_never()
    {
        var narratives = AllRequired([Privacy, Expression]);
        narratives.Remove("A2");
        narratives.Remove($"C4/{Expression.Id}");
        narratives[$"C1/{Privacy.Id}"] = new NarrativeText("  ", "\n");
        var content = Content(narratives: narratives);

        var missing = ReportCompleteness.MissingRequired(content);

        Assert.Equal(["A2", $"C1/{Privacy.Id}", $"C4/{Expression.Id}"], missing.Select(m => m.Key));
        Assert.Equal("C4 (Content removal (fictional))", ReportCompleteness.Name(missing[2], content.Issues));
        Assert.DoesNotContain(missing, m => m.Section is "B3" or "B4");
    }

    [Fact]
    public void A_section_written_in_either_language_counts_and_facts_alone_do_not()
    {
        var narratives = AllRequired([Privacy]);
        narratives["A1"] = new NarrativeText(null, "中文承诺。");
        narratives.Remove("B1");
        var fact = ReportFact.Figure(new SectionRef("B1", null), "test", new("Issues", "问题"), Bilingual.Same("1"));
        var content = Content([Privacy], narratives, [fact]);

        var states = ReportCompleteness.Of(content).ToDictionary(s => s.Place.Key);

        Assert.Equal(SectionState.ChineseOnly, states["A1"].State);
        Assert.Equal(SectionState.EnglishOnly, states["A2"].State);
        Assert.True(states["B1"].Missing);
        Assert.Equal(1, states["B1"].Facts);
        Assert.Equal(["B1"], ReportCompleteness.MissingRequired(content).Select(m => m.Key));
    }

    [Fact]
    public void Without_salient_issues_only_parts_a_and_b_are_required()
    {
        var content = Content([], AllRequired([]));
        Assert.Empty(ReportCompleteness.MissingRequired(content));
        Assert.DoesNotContain(ReportCompleteness.Of(content), s => s.Place.Section.StartsWith('C'));
    }

    [Fact]
    public void Approval_needs_a_submitted_report_a_second_person_and_no_empty_required_section()
    {
        var author = Guid.NewGuid();
        var reviewer = Guid.NewGuid();

        Assert.Equal(ReportFailure.ReviewerIsAuthor, ReportWorkflow.Approve(ReportStatus.Submitted, [author], author, 0).Failure);
        Assert.Equal(ReportFailure.RequiredSectionsEmpty, ReportWorkflow.Approve(ReportStatus.Submitted, [author], reviewer, 2).Failure);
        Assert.Equal(ReportFailure.InvalidTransition, ReportWorkflow.Approve(ReportStatus.Draft, [author], reviewer, 0).Failure);
        Assert.Equal(ReportTransition.To(ReportStatus.Approved), ReportWorkflow.Approve(ReportStatus.Submitted, [author], reviewer, 0));
    }

    [Fact]
    public void Publication_needs_approval_and_a_published_report_is_withdrawn_before_it_changes()
    {
        Assert.False(ReportWorkflow.Publish(ReportStatus.Submitted).Succeeded);
        Assert.Equal(ReportStatus.Published, ReportWorkflow.Publish(ReportStatus.Approved).Status);
        Assert.False(ReportWorkflow.ReturnToDraft(ReportStatus.Published).Succeeded);
        Assert.Equal(ReportStatus.Withdrawn, ReportWorkflow.Withdraw(ReportStatus.Published).Status);
        Assert.Equal(ReportStatus.Draft, ReportWorkflow.ReturnToDraft(ReportStatus.Withdrawn).Status);
        Assert.False(ReportWorkflow.Withdraw(ReportStatus.Draft).Succeeded);
    }

    [Property]
    public Property Only_drafts_are_editable_and_every_refusal_keeps_the_status(ReportStatus status, bool author, int missing)
    {
        var reviewer = Guid.NewGuid();
        var transitions = new[]
        {
            ReportWorkflow.Submit(status),
            ReportWorkflow.Approve(status, author ? [reviewer] : [Guid.NewGuid()], reviewer, Math.Abs(missing % 3)),
            ReportWorkflow.ReturnToDraft(status),
            ReportWorkflow.Publish(status),
            ReportWorkflow.Withdraw(status),
        };
        var valid = Enum.IsDefined(status);
        return (!valid || (ReportWorkflow.CanEdit(status) == (status == ReportStatus.Draft)
            && transitions.Where(t => !t.Succeeded).All(t => t.Status == status)
            && transitions.Count(t => t.Succeeded && t.Status == ReportStatus.Published) <= (status == ReportStatus.Approved ? 1 : 0))).ToProperty();
    }
}
