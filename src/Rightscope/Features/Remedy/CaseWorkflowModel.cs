using Microsoft.EntityFrameworkCore;

namespace Rightscope.Features.Remedy;

/// <summary>EF configuration of the case-management tables: steps, notes, referrals, remedy outcomes, exclusions and check-ins.</summary>
public static class CaseWorkflowModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<CaseStep>(step =>
        {
            step.Property(s => s.From).HasConversion<string>().HasMaxLength(32);
            step.Property(s => s.Action).HasConversion<string>().HasMaxLength(32);
            step.Property(s => s.To).HasConversion<string>().HasMaxLength(32);
            step.HasIndex(s => s.CaseId);
            step.HasOne<GrievanceCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CaseNote>(note =>
        {
            note.HasIndex(n => n.CaseId);
            note.Ignore(n => n.Purpose);
            note.HasOne<GrievanceCase>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CaseReferral>(referral =>
        {
            referral.Property(r => r.Mechanism).HasConversion<string>().HasMaxLength(64);
            referral.Property(r => r.Mode).HasConversion<string>().HasMaxLength(16);
            referral.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            referral.Property(r => r.ConcurrencyToken).IsConcurrencyToken();
            referral.HasIndex(r => r.CaseId);
            referral.Ignore(r => r.Purpose);
            referral.HasOne<GrievanceCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CaseRemedyOutcome>(outcome =>
        {
            outcome.Property(o => o.Type).HasConversion<string>().HasMaxLength(32);
            outcome.HasIndex(o => o.CaseId);
            outcome.Ignore(o => o.Purpose);
            outcome.HasOne<GrievanceCase>().WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CaseExclusion>(exclusion =>
        {
            exclusion.HasIndex(e => new { e.CaseId, e.UserId }).IsUnique();
            exclusion.HasOne<GrievanceCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CaseCheckIn>(checkIn =>
        {
            checkIn.Property(c => c.Result).HasConversion<string>().HasMaxLength(32);
            checkIn.Property(c => c.ConcurrencyToken).IsConcurrencyToken();
            checkIn.HasIndex(c => new { c.CaseId, c.DueOn });
            checkIn.Ignore(c => c.Purpose);
            checkIn.HasOne<GrievanceCase>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
