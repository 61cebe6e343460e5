using Microsoft.EntityFrameworkCore;
using Rightscope.Features.Organizations;

namespace Rightscope.Features.Hrdd;

/// <summary>EF configuration of action plans, tracking indicators and the stakeholder engagement log (all new tables).</summary>
public static class HrddTrackingModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<DueDiligenceAction>(action =>
        {
            action.Property(a => a.Title).HasMaxLength(DueDiligenceAction.TitleMaxLength);
            action.Property(a => a.Description).HasMaxLength(DueDiligenceAction.DescriptionMaxLength);
            action.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
            action.Property(a => a.RelationshipName).HasMaxLength(DueDiligenceAction.RelationshipMaxLength);
            action.Property(a => a.Function).HasConversion<string>().HasMaxLength(32);
            action.Property(a => a.FunctionOther).HasMaxLength(DueDiligenceAction.FunctionOtherMaxLength);
            action.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
            action.Property(a => a.ConcurrencyToken).IsConcurrencyToken();
            action.HasIndex(a => new { a.OrganizationId, a.Status, a.DueOn });
            action.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<DueDiligenceActionIssue>(link =>
        {
            link.HasKey(l => new { l.ActionId, l.SalientIssueId });
            link.HasIndex(l => new { l.OrganizationId, l.SalientIssueId });
            link.HasOne<DueDiligenceAction>().WithMany().HasForeignKey(l => l.ActionId).OnDelete(DeleteBehavior.Cascade);
            link.HasOne<SalientIssue>().WithMany().HasForeignKey(l => l.SalientIssueId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<TrackingIndicator>(indicator =>
        {
            indicator.ToTable(t => t.HasCheckConstraint(
                "CK_TrackingIndicators_OneSubject",
                "(\"SalientIssueId\" IS NULL AND \"ActionId\" IS NOT NULL) OR (\"SalientIssueId\" IS NOT NULL AND \"ActionId\" IS NULL)"));
            indicator.Property(i => i.Name).HasMaxLength(TrackingIndicator.NameMaxLength);
            indicator.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
            indicator.Property(i => i.Unit).HasMaxLength(TrackingIndicator.UnitMaxLength);
            indicator.Property(i => i.BaselineText).HasMaxLength(TrackingIndicator.TextMaxLength);
            indicator.Property(i => i.TargetText).HasMaxLength(TrackingIndicator.TextMaxLength);
            indicator.Property(i => i.Direction).HasConversion<string>().HasMaxLength(32);
            indicator.Property(i => i.ConcurrencyToken).IsConcurrencyToken();
            indicator.HasIndex(i => new { i.OrganizationId, i.SalientIssueId });
            indicator.HasIndex(i => new { i.OrganizationId, i.ActionId });
            indicator.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            indicator.HasOne<SalientIssue>().WithMany().HasForeignKey(i => i.SalientIssueId).OnDelete(DeleteBehavior.Cascade);
            indicator.HasOne<DueDiligenceAction>().WithMany().HasForeignKey(i => i.ActionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<TrackingMeasurement>(measurement =>
        {
            measurement.Property(m => m.Assessment).HasMaxLength(TrackingMeasurement.AssessmentMaxLength);
            measurement.Property(m => m.Note).HasMaxLength(TrackingMeasurement.NoteMaxLength);
            measurement.Property(m => m.Source).HasMaxLength(TrackingMeasurement.SourceMaxLength);
            measurement.Property(m => m.ConcurrencyToken).IsConcurrencyToken();
            measurement.HasIndex(m => new { m.IndicatorId, m.MeasuredOn });
            measurement.HasOne<TrackingIndicator>().WithMany().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<StakeholderEngagement>(engagement =>
        {
            engagement.Property(e => e.Format).HasConversion<string>().HasMaxLength(32);
            engagement.Property(e => e.StakeholderTypes).HasMaxLength(300);
            engagement.Property(e => e.Region).HasConversion<string>().HasMaxLength(40);
            engagement.Property(e => e.CountryCode).HasMaxLength(2);
            engagement.Property(e => e.Topics).HasMaxLength(StakeholderEngagement.TopicsMaxLength);
            engagement.Property(e => e.DecisionsChanged).HasMaxLength(StakeholderEngagement.TextMaxLength);
            engagement.Property(e => e.FollowUps).HasMaxLength(StakeholderEngagement.TextMaxLength);
            engagement.Property(e => e.ConcurrencyToken).IsConcurrencyToken();
            engagement.Ignore(e => e.Types);
            engagement.HasIndex(e => new { e.OrganizationId, e.HeldOn });
            engagement.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<StakeholderEngagementParty>(party =>
        {
            party.HasKey(p => new { p.EngagementId, p.NormalizedName });
            party.Property(p => p.Name).HasMaxLength(Core.Hrdd.StakeholderNames.MaxLength);
            party.Property(p => p.NormalizedName).HasMaxLength(Core.Hrdd.StakeholderNames.MaxLength * 2);
            party.HasIndex(p => new { p.OrganizationId, p.NormalizedName });
            party.HasOne<StakeholderEngagement>().WithMany().HasForeignKey(p => p.EngagementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<StakeholderEngagementIssue>(link =>
        {
            link.HasKey(l => new { l.EngagementId, l.SalientIssueId });
            link.HasIndex(l => new { l.OrganizationId, l.SalientIssueId });
            link.HasOne<StakeholderEngagement>().WithMany().HasForeignKey(l => l.EngagementId).OnDelete(DeleteBehavior.Cascade);
            link.HasOne<SalientIssue>().WithMany().HasForeignKey(l => l.SalientIssueId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
