package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

var catalogSections = []string{"zones", "flavors", "versions", "storage"}

func newCatalogCommand(a *app) *cobra.Command {
	var infra, region, format string
	cmd := &cobra.Command{
		Use:   "catalog [zones|flavors|versions|storage]",
		Short: "Show what the embedded IBM Cloud catalog knows, and its date",
		Long: `catalog prints iksplan's dated snapshot of IBM Cloud facts: zones, worker
flavors, Kubernetes versions and storage classes, each with the IBM
documentation it was checked against. Without a section it prints a summary.
Use --catalog FILE to read an edited copy instead of the embedded one.`,
		Example: `  iksplan catalog versions
  iksplan catalog flavors --infrastructure vpc-gen2
  iksplan catalog zones --region jp-tok -o json`,
		Args:      cobra.MatchAll(cobra.MaximumNArgs(1), cobra.OnlyValidArgs),
		ValidArgs: catalogSections,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageErr("--output must be text or json, not %q", format)
			}
			in := model.Infrastructure(infra)
			if infra != "" && !in.Valid() {
				return usageErr("--infrastructure must be one of %s, not %q", strings.Join(in.EnumValues(), ", "), infra)
			}
			c, err := a.catalog()
			if err != nil {
				return err
			}
			if region != "" {
				if _, ok := c.Region(region); !ok {
					return usageErr("the catalog has no region %q", region)
				}
			}
			section := ""
			if len(args) == 1 {
				section = args[0]
			}
			q := catalogQuery{cat: c, infra: in, region: region}
			if format == "json" {
				return q.writeJSON(a.stdout, section)
			}
			return q.writeText(a.stdout, section)
		},
	}
	cmd.Flags().StringVar(&infra, "infrastructure", "", "only this infrastructure: classic or vpc-gen2")
	cmd.Flags().StringVar(&region, "region", "", "only this region, e.g. jp-tok")
	cmd.Flags().StringVarP(&format, "output", "o", "text", "output format: text or json")
	_ = cmd.RegisterFlagCompletionFunc("infrastructure", fixedCompletions(string(model.InfraClassic), string(model.InfraVPC)))
	_ = cmd.RegisterFlagCompletionFunc("output", fixedCompletions("text", "json"))
	return cmd
}

// catalogQuery filters the catalog by the command's flags.
type catalogQuery struct {
	cat    *catalog.Catalog
	infra  model.Infrastructure
	region string
}

type zoneRow struct {
	Region string `json:"region"`
	catalog.Zone
}

func (q catalogQuery) zones() []zoneRow {
	var out []zoneRow
	for _, r := range q.cat.Locations.Regions {
		if q.region != "" && r.Name != q.region {
			continue
		}
		for _, z := range r.Zones {
			if q.infra != "" && z.Infrastructure != q.infra {
				continue
			}
			out = append(out, zoneRow{r.Name, z})
		}
	}
	return out
}

func (q catalogQuery) flavors() []catalog.Flavor {
	var out []catalog.Flavor
	for _, f := range q.cat.Flavors.Items {
		if q.infra != "" && f.Infrastructure != q.infra {
			continue
		}
		if q.region != "" && !f.OfferedIn(q.region) {
			continue
		}
		out = append(out, f)
	}
	return out
}

func (q catalogQuery) storage() []catalog.StorageClass {
	var out []catalog.StorageClass
	for _, s := range q.cat.Storage.Items {
		if q.infra != "" && !s.On(q.infra) {
			continue
		}
		out = append(out, s)
	}
	return out
}

func (q catalogQuery) writeJSON(w io.Writer, section string) error {
	var v any
	c := q.cat
	switch section {
	case "zones":
		v = map[string]any{"asOf": c.AsOf, "source": c.Locations.Source, "zones": q.zones()}
	case "flavors":
		v = map[string]any{"asOf": c.AsOf, "source": c.Flavors.Source, "flavors": q.flavors()}
	case "versions":
		v = map[string]any{"asOf": c.AsOf, "source": c.Versions.Source, "versions": c.Versions.Items}
	case "storage":
		v = map[string]any{"asOf": c.AsOf, "source": c.Storage.Source, "storageClasses": q.storage()}
	default:
		v = c
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func (q catalogQuery) writeText(out io.Writer, section string) error {
	c := q.cat
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	switch section {
	case "zones":
		fmt.Fprintf(w, "Zones (as of %s, %s)\n\n", c.AsOf, c.Locations.Source)
		fmt.Fprintln(w, "REGION\tZONE\tINFRASTRUCTURE\tMETRO\tSTATUS\tNOTE")
		for _, z := range q.zones() {
			metro := z.Metro
			if metro == "" {
				metro = "(single zone)"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", z.Region, z.Name, z.Infrastructure, metro, z.Status, z.Note)
		}
	case "flavors":
		fmt.Fprintf(w, "Worker flavors (as of %s, %s)\n\n", c.AsOf, c.Flavors.Source)
		fmt.Fprintln(w, "FLAVOR\tINFRASTRUCTURE\tCLASS\tVCPU\tMEMORY GiB\tGPU\tISOLATION\tREGIONS")
		for _, f := range q.flavors() {
			gpu := "-"
			if f.GPUs > 0 {
				gpu = fmt.Sprintf("%d× %s", f.GPUs, f.GPUModel)
			}
			regions := "all"
			if len(f.Regions) > 0 {
				regions = strings.Join(f.Regions, ",")
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\n", f.Name, f.Infrastructure, f.Class, f.VCPU, f.MemoryGiB, gpu, joinIsolations(f.Isolations), regions)
		}
	case "versions":
		fmt.Fprintf(w, "Kubernetes versions (as of %s, %s)\n\n", c.AsOf, c.Versions.Source)
		fmt.Fprintln(w, "VERSION\tSTATUS\tRELEASED\tEND OF SUPPORT")
		for _, v := range c.Versions.Items {
			eos := v.EndOfSupport
			if eos == "" {
				eos = "not announced"
			} else if v.Tentative {
				eos += " (tentative)"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", v.Version, v.Status, v.Released, eos)
		}
	case "storage":
		fmt.Fprintf(w, "Storage classes (as of %s, %s)\n\n", c.AsOf, c.Storage.Source)
		fmt.Fprintln(w, "CLASS\tKIND\tINFRASTRUCTURE\tZONE-BOUND\tMETRO\tRETAIN\tNEEDS")
		for _, s := range q.storage() {
			infras := make([]string, len(s.Infrastructures))
			for i, x := range s.Infrastructures {
				infras[i] = string(x)
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s.Name, s.Kind, strings.Join(infras, ","), yesNo(s.ZoneBound), yesNo(s.Metro), yesNo(s.Retain), s.Plugin)
		}
	default:
		fmt.Fprintf(w, "iksplan catalog as of %s\n\n", c.AsOf)
		fmt.Fprintln(w, "SECTION\tENTRIES\tSOURCE")
		fmt.Fprintf(w, "zones\t%d\t%s\n", len(q.zones()), c.Locations.Source)
		fmt.Fprintf(w, "flavors\t%d\t%s\n", len(q.flavors()), c.Flavors.Source)
		fmt.Fprintf(w, "versions\t%d\t%s\n", len(c.Versions.Items), c.Versions.Source)
		fmt.Fprintf(w, "storage\t%d\t%s\n", len(q.storage()), c.Storage.Source)
		fmt.Fprintf(w, "databases\t%d\t%s\n", len(c.Databases.Items), c.Databases.Source)
		fmt.Fprintf(w, "services\t%d\t%s\n", len(c.Services.Items), c.Services.Source)
		fmt.Fprintf(w, "\nShow one: iksplan catalog %s\n", strings.Join(catalogSections, "|"))
	}
	return w.Flush()
}

func joinIsolations(is []model.Isolation) string {
	s := make([]string, len(is))
	for i, x := range is {
		s[i] = string(x)
	}
	return strings.Join(s, ",")
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
