using System.Xml.Linq;
using Rightscope.Core.Methodologies.Loading;
using Rightscope.Core.Remedy;

namespace Rightscope.Tests.Core.Remedy;

/// <summary>
/// The referral mechanisms and remedy types of the case page are the entries of the shipped reference catalogs: one
/// enum value per catalog entry, both ways, and the labels shown are the catalog's titles in both languages.
/// </summary>
public sealed class RemedyCatalogAlignmentTests
{
    private static readonly string RepositoryRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    private static readonly Catalog Shipped = CatalogLoader.LoadDirectory(Path.Combine(RepositoryRoot, "catalog")).Value!;

    private static Dictionary<string, string> Labels(string culture)
    {
        var file = Path.Combine(RepositoryRoot, "src", "Rightscope", "Features", "Remedy", culture == "en" ? "RemedyText.resx" : $"RemedyText.{culture}.resx");
        return XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
    }

    private static void AssertAligned<T>(string catalogKey, string labelPrefix, Func<T, string> keyOf)
        where T : struct, Enum
    {
        var reference = Shipped.Reference(catalogKey);
        Assert.NotNull(reference);
        var values = Enum.GetValues<T>();
        var mapped = values.Select(keyOf).ToList();
        Assert.Equal(mapped.Count, mapped.Distinct(StringComparer.Ordinal).Count());
        var entries = reference.Entries.Select(e => e.Key).ToList();
        Assert.Empty(mapped.Except(entries, StringComparer.Ordinal));
        Assert.Empty(entries.Except(mapped, StringComparer.Ordinal));

        foreach (var culture in new[] { "en", "zh-Hans" })
        {
            var labels = Labels(culture);
            foreach (var value in values)
            {
                var entry = reference.Entries.Single(e => e.Key == keyOf(value));
                Assert.True(labels.TryGetValue($"{labelPrefix}.{value}", out var label), $"{labelPrefix}.{value} has no {culture} label");
                Assert.Equal(entry.Title.Values[culture], label);
            }
        }
    }

    [Fact]
    public void Every_referral_mechanism_is_one_catalog_entry_and_every_entry_one_mechanism_with_the_catalog_title() =>
        AssertAligned<ReferralMechanism>(RemedyCatalog.MechanismsKey, "Mechanism", m => m.CatalogKey());

    [Fact]
    public void Every_remedy_type_is_one_catalog_entry_and_every_entry_one_type_with_the_catalog_title() =>
        AssertAligned<RemedyType>(RemedyCatalog.TypesKey, "RemedyType", t => t.CatalogKey());

    [Fact]
    public void Stored_names_of_the_first_values_never_change()
    {
        // Cases store these names: renaming one would orphan their referrals and outcomes.
        Assert.Equal(
            ["Court", "NationalContactPoint", "DataProtectionAuthority", "NationalHumanRightsInstitution", "Ombudsperson", "IndustryOrMultiStakeholderMechanism", "AnotherCompany"],
            Enum.GetNames<ReferralMechanism>().Take(7));
        Assert.Equal(
            ["Apology", "Restitution", "Compensation", "Rehabilitation", "ProductOrPolicyChange", "GuaranteeOfNonRepetition"],
            Enum.GetNames<RemedyType>().Take(6));
    }
}
