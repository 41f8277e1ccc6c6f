namespace DaiChain.ModelRegistry.Tests.Evaluation;

/// <summary>Where the committed fixtures and the harness live, found from the test assembly's location.</summary>
internal static class FixturePaths
{
    public static string Fixtures => Path.Combine(RepositoryRoot(), "tests", "ModelRegistry.Tests", "Evaluation", "Fixtures");

    /// <summary>The harness is a project reference, so its assembly sits next to the test assembly.</summary>
    public static string Harness => Path.Combine(AppContext.BaseDirectory, "DaiChain.EvalHarness.dll");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DaiChain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DaiChain.sln not found above " + AppContext.BaseDirectory);
    }
}
