use versus::entries::Entries;
use versus::search::{Corpora, Query, search};
fn main() {
    let mut a = std::env::args().skip(1);
    let name = a.next().unwrap();
    let q = a.next().unwrap();
    let c = versus::data::load_builtin(&name).unwrap().unwrap();
    let corpora = Corpora::build(&c, &Entries::build(&c));
    let query = Query::parse(&q, &corpora.lexicon);
    eprintln!("{query:#?}");
    let r = search(&corpora.everything, &query, &|| false).unwrap();
    println!("unmatched {:?}", r.unmatched);
    for h in r.hits.iter().take(8) {
        println!("{:>16} {} {}", h.score, h.partial, corpora.line(h.index as usize).chars().take(90).collect::<String>());
    }
}
