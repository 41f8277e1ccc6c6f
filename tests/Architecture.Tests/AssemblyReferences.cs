using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DaiChain.Architecture.Tests;

/// <summary>Reads an assembly's references and member references from its file, without loading it.</summary>
internal sealed class AssemblyReferences
{
    private AssemblyReferences(string name, IReadOnlyList<string> assemblies, IReadOnlyList<string> members)
    {
        Name = name;
        Assemblies = assemblies;
        Members = members;
    }

    public string Name { get; }

    /// <summary>Names of the assemblies this one references.</summary>
    public IReadOnlyList<string> Assemblies { get; }

    /// <summary>Members of other assemblies this one calls, as <c>Namespace.Type::Member</c>.</summary>
    public IReadOnlyList<string> Members { get; }

    public static AssemblyReferences Read(string assemblyName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();

        var assemblies = metadata.AssemblyReferences
            .Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))
            .Order(StringComparer.Ordinal)
            .ToList();

        var members = new List<string>();
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind == HandleKind.TypeReference)
            {
                var type = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
                members.Add($"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}::{metadata.GetString(member.Name)}");
            }
        }

        return new AssemblyReferences(assemblyName, assemblies, members);
    }
}
