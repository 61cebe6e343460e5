using Microsoft.EntityFrameworkCore;
using Rightscope.Features.Companies;
using Rightscope.Features.Organizations;

namespace Rightscope.Features.Engagements;

/// <summary>EF configuration of the engagement tracker, kept in its slice. Enums are stored by name, like the rest of the schema.</summary>
public static class EngagementsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Engagement>(engagement =>
        {
            engagement.Property(e => e.Title).HasMaxLength(Engagement.TitleMaxLength);
            engagement.Property(e => e.Status).HasConversion<string>().HasMaxLength(32);
            engagement.Property(e => e.CurrentStep).HasConversion<string>().HasMaxLength(32);
            engagement.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(32);
            engagement.Property(e => e.OutcomeNote).HasMaxLength(Engagement.NoteMaxLength);
            engagement.Property(e => e.ConcurrencyToken).IsConcurrencyToken();
            engagement.HasIndex(e => new { e.OrganizationId, e.Status, e.StartedOn });
            engagement.HasIndex(e => e.CompanyId);
            engagement.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            // An engagement is a stewardship record: deleting its company must not silently delete it.
            engagement.HasOne<Company>().WithMany().HasForeignKey(e => e.CompanyId).OnDelete(DeleteBehavior.NoAction);
        });

        builder.Entity<EngagementObjective>(objective =>
        {
            objective.Property(o => o.ItemKey).HasMaxLength(100);
            objective.Property(o => o.Component).HasMaxLength(100);
            objective.Property(o => o.Description).HasMaxLength(EngagementObjective.DescriptionMaxLength);
            objective.Property(o => o.Status).HasConversion<string>().HasMaxLength(32);
            objective.HasIndex(o => o.EngagementId);
            objective.HasOne<Engagement>().WithMany().HasForeignKey(o => o.EngagementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<EngagementMilestone>(milestone =>
        {
            milestone.Property(m => m.Description).HasMaxLength(EngagementMilestone.DescriptionMaxLength);
            milestone.Property(m => m.Status).HasConversion<string>().HasMaxLength(32);
            // The lists ask "which open milestones are past their deadline" across the organization.
            milestone.HasIndex(m => new { m.OrganizationId, m.Status, m.Deadline });
            milestone.HasIndex(m => m.EngagementId);
            milestone.HasOne<Engagement>().WithMany().HasForeignKey(m => m.EngagementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<EscalationEntry>(entry =>
        {
            entry.Property(e => e.FromStep).HasConversion<string>().HasMaxLength(32);
            entry.Property(e => e.ToStep).HasConversion<string>().HasMaxLength(32);
            entry.Property(e => e.Reason).HasMaxLength(EscalationEntry.ReasonMaxLength);
            entry.HasIndex(e => e.EngagementId);
            entry.HasOne<Engagement>().WithMany().HasForeignKey(e => e.EngagementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<EngagementInteraction>(interaction =>
        {
            interaction.Property(i => i.Type).HasConversion<string>().HasMaxLength(32);
            interaction.Property(i => i.Participants).HasMaxLength(EngagementInteraction.ParticipantsMaxLength);
            interaction.Property(i => i.Summary).HasMaxLength(EngagementInteraction.SummaryMaxLength);
            interaction.HasIndex(i => i.EngagementId);
            interaction.HasOne<Engagement>().WithMany().HasForeignKey(i => i.EngagementId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
