using System.Diagnostics.CodeAnalysis;

namespace DaiChain.ModelRegistry.Validation;

/// <summary>
/// A Semantic Versioning 2.0.0 version (<c>MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]</c>) with its precedence order.
/// </summary>
/// <remarks>
/// Parsing is strict: numeric parts without leading zeros (major, minor and patch fit 64 bits), identifiers of
/// <c>[0-9A-Za-z-]</c> that are never empty, at most <see cref="RegistryLimits.MaxSemverBytes"/> characters.
/// Precedence ignores build metadata, so two versions that differ only in it are the same version to the
/// registry (<see cref="PrecedenceText"/> names a version in its id). Pre-release identifiers compare
/// numerically when both are digits (by length first: no leading zeros, so any size works), ASCII-ordinally
/// otherwise, digits before letters, and a longer list after its prefix; a pre-release sorts before its release.
/// </remarks>
public sealed class SemanticVersion : IComparable<SemanticVersion>, IEquatable<SemanticVersion>
{
    private readonly string[] _preRelease;

    private SemanticVersion(string text, ulong major, ulong minor, ulong patch, string[] preRelease, string build)
    {
        Text = text;
        Major = major;
        Minor = minor;
        Patch = patch;
        _preRelease = preRelease;
        Build = build;
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        PrecedenceText = plus < 0 ? text : text[..plus];
    }

    /// <summary>The version as written.</summary>
    public string Text { get; }

    /// <summary>The version without build metadata: what identifies it among a model's versions.</summary>
    public string PrecedenceText { get; }

    public ulong Major { get; }

    public ulong Minor { get; }

    public ulong Patch { get; }

    public IReadOnlyList<string> PreRelease => _preRelease;

    /// <summary>Build metadata after '+', or empty.</summary>
    public string Build { get; }

    public bool IsPreRelease => _preRelease.Length > 0;

    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var version, out var problem) ? version : throw new FormatException(problem);

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SemanticVersion? version, [NotNullWhen(false)] out string? problem)
    {
        version = null;
        if (string.IsNullOrEmpty(text) || text.Length > RegistryLimits.MaxSemverBytes)
        {
            problem = $"a version is 1-{RegistryLimits.MaxSemverBytes} characters (MAJOR.MINOR.PATCH, semver 2.0.0)";
            return false;
        }

        var rest = text.AsSpan();
        var build = string.Empty;
        var plus = rest.IndexOf('+');
        if (plus >= 0)
        {
            build = rest[(plus + 1)..].ToString();
            if (!ValidIdentifiers(build, numericRule: false))
            {
                problem = $"'{text}': build metadata after '+' is dot-separated non-empty identifiers of [0-9A-Za-z-]";
                return false;
            }

            rest = rest[..plus];
        }

        string[] preRelease = [];
        var dash = rest.IndexOf('-');
        if (dash >= 0)
        {
            var pre = rest[(dash + 1)..].ToString();
            if (!ValidIdentifiers(pre, numericRule: true))
            {
                problem = $"'{text}': a pre-release after '-' is dot-separated non-empty identifiers of [0-9A-Za-z-], numeric ones without leading zeros";
                return false;
            }

            preRelease = pre.Split('.');
            rest = rest[..dash];
        }

        var core = rest.ToString().Split('.');
        if (core.Length != 3 || !TryNumber(core[0], out var major) || !TryNumber(core[1], out var minor) || !TryNumber(core[2], out var patch))
        {
            problem = $"'{text}' is not MAJOR.MINOR.PATCH with numbers without leading zeros (for example 1.4.0 or 2.0.0-rc.1)";
            return false;
        }

        version = new SemanticVersion(text, major, minor, patch, preRelease, build);
        problem = null;
        return true;
    }

    /// <summary>Semver 2.0.0 precedence: negative when this version precedes <paramref name="other"/>, 0 when equal (build ignored).</summary>
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Major.CompareTo(other.Major);
        if (c == 0)
        {
            c = Minor.CompareTo(other.Minor);
        }

        if (c == 0)
        {
            c = Patch.CompareTo(other.Patch);
        }

        if (c != 0)
        {
            return c;
        }

        if (_preRelease.Length == 0 || other._preRelease.Length == 0)
        {
            // A release follows its pre-releases.
            return (_preRelease.Length == 0, other._preRelease.Length == 0) switch
            {
                (true, true) => 0,
                (true, false) => 1,
                _ => -1,
            };
        }

        for (var i = 0; i < Math.Min(_preRelease.Length, other._preRelease.Length); i++)
        {
            c = CompareIdentifier(_preRelease[i], other._preRelease[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return _preRelease.Length.CompareTo(other._preRelease.Length);
    }

    public bool Equals(SemanticVersion? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => Equals(obj as SemanticVersion);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(PrecedenceText);

    public override string ToString() => Text;

    public static bool operator ==(SemanticVersion? left, SemanticVersion? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(SemanticVersion? left, SemanticVersion? right) => !(left == right);

    public static bool operator <(SemanticVersion? left, SemanticVersion? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    public static bool operator >(SemanticVersion? left, SemanticVersion? right) => left is not null && left.CompareTo(right) > 0;

    public static bool operator <=(SemanticVersion? left, SemanticVersion? right) => !(left > right);

    public static bool operator >=(SemanticVersion? left, SemanticVersion? right) => !(left < right);

    private static int CompareIdentifier(string a, string b)
    {
        var aNumeric = IsDigits(a);
        var bNumeric = IsDigits(b);
        if (aNumeric && bNumeric)
        {
            var byLength = a.Length.CompareTo(b.Length);
            return byLength != 0 ? byLength : Math.Sign(string.CompareOrdinal(a, b));
        }

        if (aNumeric != bNumeric)
        {
            return aNumeric ? -1 : 1;
        }

        return Math.Sign(string.CompareOrdinal(a, b));
    }

    private static bool ValidIdentifiers(string text, bool numericRule)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var identifier in text.Split('.'))
        {
            if (identifier.Length == 0)
            {
                return false;
            }

            foreach (var c in identifier)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
                {
                    return false;
                }
            }

            if (numericRule && identifier.Length > 1 && identifier[0] == '0' && IsDigits(identifier))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryNumber(string text, out ulong value)
    {
        value = 0;
        if (text.Length == 0 || !IsDigits(text) || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        return ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }
}
