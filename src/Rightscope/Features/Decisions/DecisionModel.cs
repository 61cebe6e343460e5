using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Decisions;
using Rightscope.Features.Assessments;
using Rightscope.Features.Companies;
using Rightscope.Features.Organizations;

namespace Rightscope.Features.Decisions;

/// <summary>EF configuration of the decisions register, kept in its slice.</summary>
public static class DecisionModel
{
    public static void Configure(ModelBuilder builder) =>
        builder.Entity<Decision>(decision =>
        {
            decision.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
            decision.Property(d => d.ExclusionMode).HasConversion<string>().HasMaxLength(32);
            decision.Property(d => d.RecommendedKind).HasConversion<string>().HasMaxLength(32);
            decision.Property(d => d.Status).HasConversion<string>().HasMaxLength(32);
            decision.Property(d => d.Rationale).HasMaxLength(DecisionTerms.RationaleMaxLength);
            decision.Property(d => d.ReturnReason).HasMaxLength(Decision.ReasonMaxLength);
            decision.Property(d => d.ConcurrencyToken).IsConcurrencyToken();
            decision.Ignore(d => d.DiffersFromRecommendation);
            decision.HasIndex(d => d.ApprovedCompanyId).IsUnique();
            decision.HasIndex(d => new { d.OrganizationId, d.CompanyId, d.CreatedAt });
            decision.HasIndex(d => new { d.OrganizationId, d.Status });
            decision.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            // A decision is a record of what was decided: deleting or merging its company or assessment must move it
            // first, never take it along. NO ACTION is checked at the end of the statement, so deleting the whole
            // organization (which cascades to all three) still works.
            decision.HasOne<Company>().WithMany().HasForeignKey(d => d.CompanyId).OnDelete(DeleteBehavior.NoAction);
            decision.HasOne<Assessment>().WithMany().HasForeignKey(d => d.AssessmentId).OnDelete(DeleteBehavior.NoAction);
        });
}
