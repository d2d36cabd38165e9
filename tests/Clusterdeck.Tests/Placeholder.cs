namespace Clusterdeck.Tests;
