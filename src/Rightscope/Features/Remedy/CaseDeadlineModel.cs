using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Remedy;
using Rightscope.Features.Accounts;
using Rightscope.Features.Organizations;

namespace Rightscope.Features.Remedy;

/// <summary>EF configuration of the service levels: per-channel periods and the reminders table.</summary>
public static class CaseDeadlineModel
{
    public static void Configure(ModelBuilder builder)
    {
        // Existing channels get the defaults; new ones are given the configured defaults explicitly.
        builder.Entity<Channel>().Property(c => c.AcknowledgeDays).HasDefaultValue(ServiceLevel.Default.AcknowledgeDays).HasSentinel(0);
        builder.Entity<Channel>().Property(c => c.FeedbackMonths).HasDefaultValue(ServiceLevel.Default.FeedbackMonths).HasSentinel(0);

        builder.Entity<CaseReminder>(reminder =>
        {
            reminder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
            reminder.HasIndex(r => new { r.OrganizationId, r.CaseNumber, r.Kind, r.DueOn, r.UserId }).IsUnique();
            reminder.HasIndex(r => new { r.UserId, r.ReadOn });
            reminder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            reminder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
