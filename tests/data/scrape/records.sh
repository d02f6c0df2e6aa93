# records.sh N [PREFIX]: N discovered records with slug ids PREFIX1..PREFIXN.
n=$1 p=${2:-lead}
i=1
while [ $i -le $n ]; do
	printf '{"id":"%s%d-x","linkedin_url":"https://www.linkedin.com/in/%s%d-x/","public_identifier":"%s%d-x","status":"discovered","keep":%d}\n' "$p" $i "$p" $i "$p" $i $i
	i=$((i + 1))
done
