using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Indicators;
using Rightscope.Features.Organizations;

namespace Rightscope.Features.Indicators;

/// <summary>EF configuration of the indicator tables; the DbContext applies its tenant filters to them.</summary>
public static class IndicatorsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<IndicatorDataset>(dataset =>
        {
            dataset.Property(d => d.Name).HasMaxLength(IndicatorDataset.NameMaxLength);
            dataset.Property(d => d.SourceFileName).HasMaxLength(IndicatorDataset.FileNameMaxLength);
            dataset.Property(d => d.ImportedBy).HasMaxLength(320);
            dataset.HasIndex(d => new { d.OrganizationId, d.Name }).IsUnique();
            dataset.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<IndicatorValue>(value =>
        {
            value.Property(v => v.IndicatorKey).HasMaxLength(100);
            value.Property(v => v.Country).HasMaxLength(2);
            value.Property(v => v.Unit).HasMaxLength(IndicatorImport.UnitMaxLength);
            value.Property(v => v.Sex).HasMaxLength(10);
            value.Property(v => v.AgeGroup).HasMaxLength(Breakdown.AgeGroupMaxLength);
            value.Property(v => v.Location).HasMaxLength(10);
            value.Property(v => v.Disability).HasMaxLength(10);
            value.Property(v => v.Source).HasMaxLength(IndicatorImport.SourceMaxLength);
            value.Ignore(v => v.Breakdown);
            value.HasIndex(v => new { v.DatasetId, v.IndicatorKey, v.Country, v.Year, v.Sex, v.AgeGroup, v.Location, v.Disability }).IsUnique();
            value.HasIndex(v => new { v.OrganizationId, v.Country });
            value.HasIndex(v => new { v.OrganizationId, v.IndicatorKey, v.Year });
            value.HasOne<IndicatorDataset>().WithMany().HasForeignKey(v => v.DatasetId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
