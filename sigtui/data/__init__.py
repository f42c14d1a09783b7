"""Azure facts sigtui ships: regions, VM sizes, limits and illustrative prices."""
