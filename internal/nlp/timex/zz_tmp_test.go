package timex
import ("testing")
func TestZZ(t *testing.T){
 for _, s := range []string{"Buses will run twice a day and once a week, once-a-week, every weekend, three times a year, 5 times a month."} {
 d := run(t, s, "2024-12-30")
 for _, tm := range d.Times { t.Logf("%q %s %s", tm.Text, tm.Type, tm.Value) }
 }
}
