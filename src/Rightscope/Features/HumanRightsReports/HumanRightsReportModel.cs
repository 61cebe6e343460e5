using Microsoft.EntityFrameworkCore;
using Rightscope.Features.Organizations;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>EF configuration of the human rights reports, kept in its slice.</summary>
public static class HumanRightsReportModel
{
    public static void Configure(ModelBuilder builder) =>
        builder.Entity<HumanRightsReport>(report =>
        {
            report.ToTable("HumanRightsReports");
            report.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
            report.Property(r => r.Reason).HasMaxLength(HumanRightsReport.ReasonMaxLength);
            report.Property(r => r.ConcurrencyToken).IsConcurrencyToken();
            report.HasIndex(r => new { r.OrganizationId, r.Year }).IsUnique();
            report.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });
}
