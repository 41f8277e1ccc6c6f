namespace DaiChain.TestKit;

/// <summary>Entry point of the test builders: <c>Build.A.Genesis</c>, <c>Build.A.Transfer</c>.</summary>
public static class Build
{
    public static Builders A { get; } = new();
}
