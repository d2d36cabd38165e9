namespace Clusterdeck.Core.Demo;

/// <summary>The demo's users and projects: 40 users (<c>alice</c> and <c>bob</c> among them), each in one or two of 10 projects.</summary>
public static class DemoPeople
{
    /// <summary>The manager account, responsible for the first three projects.</summary>
    public const string Manager = "manager";

    public static IReadOnlyList<string> Projects { get; } =
    [
        "climate", "genomics", "cfd-aero", "astro-sim", "materials", "ml-vision", "lattice-qcd", "neuro", "combustion", "seismic",
    ];

    public static IReadOnlyList<DemoUser> Users { get; } = CreateUsers();

    /// <summary>The projects <see cref="Manager"/> manages.</summary>
    public static IReadOnlyList<string> ManagedProjects => [.. Projects.Take(3)];

    private static List<DemoUser> CreateUsers()
    {
        string[] names =
        [
            "Alice Andersen", "Bob Brown", "Carol Chen", "Dave Dietrich", "Erin Evans", "Frank Fischer", "Grace Garcia", "Heidi Hansen",
            "Ivan Ivanov", "Judy Jones", "Karl Keller", "Laura Lopez", "Mallory Meyer", "Nina Novak", "Oscar Olsen", "Peggy Park",
            "Quentin Quinn", "Rita Rossi", "Sybil Schmidt", "Trent Tanaka", "Ursula Ueda", "Victor Vogel", "Wendy Wang", "Xavier Xu",
            "Yvonne Young", "Zoe Zimmermann", "Arne Berg", "Bea Costa", "Chiara Dahl", "Dmitri Egorov", "Elif Demir", "Farid Haddad",
            "Greta Lund", "Hugo Martin", "Ines Silva", "Jonas Weber", "Kofi Mensah", "Lena Krause", "Mateo Ruiz", "Noor Khan",
        ];

        var users = new List<DemoUser>(names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            var parts = names[i].Split(' ');
            // The first 26 go by first name (alice, bob, ...); later ones by first letter and surname, as site accounts often do.
            var username = i < 26 ? parts[0].ToLowerInvariant() : (parts[0][..1] + parts[1]).ToLowerInvariant();
            var home = Projects[i % Projects.Count];
            IReadOnlyList<string> projects = i % 3 == 0 ? [home, Projects[(i + 3) % Projects.Count]] : [home];
            users.Add(new DemoUser(username, names[i], projects));
        }

        return users;
    }
}
